"""CSV and XLSX files of the dashboard's tables; numbers stay numbers (Decimal money)."""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from .tables import COUNT, DAYS, MONEY, PERCENT, QUANTITY, Table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {
    COUNT: "#,##0",
    MONEY: "#,##0.00",
    PERCENT: "0.0",
    DAYS: "0.0",
    QUANTITY: "#,##0.000",
}


def _plain(value):
    """A cell for CSV: Decimal as its exact digits, None as empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def table_csv(table: Table) -> bytes:
    """One table as UTF-8 CSV with a byte-order mark (Excel then reads Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.title for c in table.columns])
    for row in table.all_rows:
        writer.writerow([_plain(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _sheet_title(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]
    base, n = name, 2
    while name in used:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def tables_xlsx(tables: list[Table]) -> bytes:
    """A workbook with one sheet per table; money cells are Decimal with 2 places."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, used))
        sheet.append([c.title for c in table.columns])
        for cell in sheet[1]:
            cell.font = bold
        for index, row in enumerate(table.all_rows):
            sheet.append(row)
            kinds = [c.kind for c in table.columns]
            if table.kinds is not None:
                kinds[-1] = table.kinds[index]
            for cell, kind in zip(sheet[sheet.max_row], kinds, strict=True):
                if kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[kind]
        if table.footer:
            for cell in sheet[sheet.max_row]:
                cell.font = bold
        if table.note:
            sheet.append([])
            sheet.append([table.note])
        sheet.column_dimensions["A"].width = 48
        for letter in "BCDEFG":
            sheet.column_dimensions[letter].width = 18
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
