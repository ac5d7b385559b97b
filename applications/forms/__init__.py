"""Forms of the applicant's pages."""
