"""The toolbox's arithmetic against worked examples done by hand (in the comments)."""

from decimal import Decimal as D

import pytest

from toolbox import calculations as calc
from toolbox.calculations import Effect, Factor, MeasureSpec, Range, Site
from toolbox.forms import parse_range
from toolbox.templatetags.toolbox_tags import num, significant, years

HK_DEFAULT = Factor("hk-default", "kWh", energy_mj=D("3.6"), co2_kg=D("0.7"))
SOUTHERN_GRID = Factor(
    "gd-southern-grid", "kWh", energy_mj=D("3.6"), co2_kg=D("0.3869")
)
LPG = Factor(
    "lpg", "kg", energy_mj=D("47.3"), co2_kg=D("2.9846"), nox_kg=D("0.000190146")
)


def r(low, high=None) -> Range:
    return Range(D(str(low)), D(str(high if high is not None else low)))


def close(value: D, expected: str, places: str = "0.01") -> bool:
    return value.quantize(D(places)) == D(expected)


def chiller(saving=(0.30, 0.45), investment=(600_000, 900_000), key="chiller"):
    return MeasureSpec(
        key=key,
        investment=r(*investment),
        effects=(Effect("chillers", calc.ELECTRICITY, r(*saving)),),
    )


def hk_site(**changes) -> Site:
    values = {
        "grid": HK_DEFAULT,
        "electricity_kwh": r(1_200_000),
        "electricity_price": r("1.40"),
        "shares": {"chillers": r("0.40")},
    }
    return Site(**{**values, **changes})


def test_hong_kong_chiller_worked_example():
    # 1,200,000 kWh a year, chillers use 40%: 1,200,000 × 0.40 = 480,000 kWh.
    # Saving 30–45% of it: 480,000 × 0.30 = 144,000 kWh; × 0.45 = 216,000 kWh.
    # At HK$1.40/kWh: 144,000 × 1.40 = HK$201,600; 216,000 × 1.40 = HK$302,400.
    # CO2 at 0.7 kg/kWh: 144,000 × 0.7 = 100,800 kg; 216,000 × 0.7 = 151,200 kg.
    # Payback: 600,000 ÷ 302,400 = 1.98 years; 900,000 ÷ 201,600 = 4.46 years.
    outcome = calc.estimate(hk_site(), [chiller()])
    measure = outcome.measures[0]

    assert outcome.bases[0].base == r(480_000)
    assert measure.impact.quantities[calc.ELECTRICITY] == r(144_000, 216_000)
    assert measure.impact.saving_hkd == r(201_600, 302_400)
    assert measure.impact.emissions["co2"] == r(100_800, 151_200)
    assert close(measure.payback.optimistic, "1.98")
    assert close(measure.payback.conservative, "4.46")
    assert outcome.total.saving_hkd == measure.impact.saving_hkd
    assert outcome.payback == measure.payback
    assert years(measure.payback) == "2.0–4.5"
    assert num(measure.impact.saving_hkd) == "202,000–302,000"


def test_guangdong_led_with_rmb_tariff_and_southern_grid():
    # 2,000,000 kWh a year; fluorescent lighting uses 10%: 200,000 kWh.
    # LED saves 40–65% of it: 80,000–130,000 kWh.
    # Tariff RMB 0.80/kWh at 0.92 RMB per HK$1: 0.80 ÷ 0.92 = HK$0.869565/kWh.
    # HK$: 80,000 × 0.80 ÷ 0.92 = 64,000 ÷ 0.92 = HK$69,565.22;
    #      130,000 × 0.80 ÷ 0.92 = 104,000 ÷ 0.92 = HK$113,043.48.
    # CO2 at 0.3869 kg/kWh: 80,000 × 0.3869 = 30,952 kg; 130,000 × 0.3869 = 50,297 kg.
    # Payback: 100,000 ÷ 113,043.48 = 0.88 years; 150,000 ÷ 69,565.22 = 2.15625 years.
    price = calc.price_in_hkd(r("0.80"), currency_per_hkd=D("0.92"))
    site = Site(
        grid=SOUTHERN_GRID,
        electricity_kwh=r(2_000_000),
        electricity_price=price,
        shares={"fluorescent-lighting": r("0.10")},
    )
    led = MeasureSpec(
        key="led",
        investment=r(100_000, 150_000),
        effects=(Effect("fluorescent-lighting", calc.ELECTRICITY, r("0.40", "0.65")),),
    )

    measure = calc.estimate(site, [led]).measures[0]

    assert close(price.low, "0.869565", "0.000001")
    assert measure.impact.quantities[calc.ELECTRICITY] == r(80_000, 130_000)
    assert close(measure.impact.saving_hkd.low, "69565.22")
    assert close(measure.impact.saving_hkd.high, "113043.48")
    assert measure.impact.emissions["co2"] == r(30_952, 50_297)
    assert close(measure.payback.optimistic, "0.88")
    assert close(measure.payback.conservative, "2.15625", "0.00001")


def test_lpg_to_electric_cooking_removes_fuel_and_adds_electricity():
    # LPG 20,000 kg a year, 80% of it for the stoves replaced: 16,000 kg removed.
    # Its energy: 16,000 × 47.3 MJ = 756,800 MJ ÷ 3.6 = 210,222.22 kWh.
    # Electricity added at 0.2–0.5 kWh per kWh of gas: 42,044.44 kWh (hopeful)
    #   to 105,111.11 kWh (cautious).
    # HK$: LPG 16,000 × 15 = 240,000 saved; electricity 42,044.44 × 1.40 = 58,862.22
    #   or 105,111.11 × 1.40 = 147,155.56 added; net 181,137.78 or 92,844.44.
    # CO2: LPG 16,000 × 2.9846 = 47,753.6 kg avoided; electricity 42,044.44 × 0.7 =
    #   29,431.11 or 105,111.11 × 0.7 = 73,577.78 kg added; net +18,322.49 kg or
    #   −25,824.18 kg (an increase on the HK default grid).
    # NOx: 16,000 × 0.000190146 = 3.042336 kg (power-station NOx not known).
    # Payback: 80,000 ÷ 181,137.78 = 0.44 years; 160,000 ÷ 92,844.44 = 1.72 years.
    site = hk_site(
        electricity_kwh=r(500_000),
        fuel=LPG,
        fuel_quantity=r(20_000),
        fuel_price=r(15),
        shares={"cooking-fuel": r("0.80")},
    )
    cookers = MeasureSpec(
        key="cookers",
        investment=r(80_000, 160_000),
        effects=(
            Effect("cooking-fuel", calc.FUEL, r(1)),
            Effect(
                "site-electricity",
                calc.ELECTRICITY,
                r("0.2", "0.5"),
                basis=calc.REPLACES_FUEL,
                direction=calc.ADDS,
            ),
        ),
    )

    measure = calc.estimate(site, [cookers]).measures[0]
    impact = measure.impact

    assert impact.quantities[calc.FUEL] == r(16_000)
    assert close(impact.quantities[calc.ELECTRICITY].low, "-105111.11")
    assert close(impact.quantities[calc.ELECTRICITY].high, "-42044.44")
    assert close(impact.saving_hkd.low, "92844.44")
    assert close(impact.saving_hkd.high, "181137.78")
    assert close(impact.emissions["co2"].low, "-25824.18")
    assert close(impact.emissions["co2"].high, "18322.49")
    assert impact.emissions["nox"] == r("3.042336")
    assert impact.unknown_emissions["nox"] == ("hk-default",)
    assert close(measure.payback.optimistic, "0.44")
    assert close(measure.payback.conservative, "1.72")
    assert num(impact.emissions["co2"]) == "−25,800 to 18,300"


def test_two_measures_on_the_same_chillers_combine_sequentially():
    # Chillers: 480,000 kWh (as above). The chiller saves 144,000–216,000 kWh.
    # Descaling saves 5–10% of what is left, not of the 480,000:
    #   cautious (480,000 − 144,000) × 0.05 = 336,000 × 0.05 = 16,800 kWh;
    #   hopeful  (480,000 − 216,000) × 0.10 = 264,000 × 0.10 = 26,400 kWh.
    # Together 160,800–242,400 kWh, not the naive 168,000–264,000.
    descaling = chiller(saving=(0.05, 0.10), investment=(50_000, 100_000), key="scale")

    outcome = calc.estimate(hk_site(), [chiller(), descaling])
    second = outcome.measures[1]

    assert second.impact.quantities[calc.ELECTRICITY] == r(16_800, 26_400)
    assert second.steps[0].base == r(264_000, 336_000)
    assert second.steps[0].overlapped is True
    assert outcome.measures[0].steps[0].overlapped is False
    assert outcome.total.quantities[calc.ELECTRICITY] == r(160_800, 242_400)
    # The order changes each measure's part, never the total (1 − 0.7 × 0.95 ...).
    reversed_total = calc.estimate(hk_site(), [descaling, chiller()]).total
    assert reversed_total.quantities[calc.ELECTRICITY] == r(160_800, 242_400)


def test_measures_on_different_end_uses_add_and_whole_site_comes_last():
    # 1,000,000 kWh; chillers 40% = 400,000 kWh, saving 30% = 120,000 kWh;
    # lighting 10% = 100,000 kWh, saving 50% = 50,000 kWh (adds: other equipment).
    # Voltage optimisation 5% of what is left of the site:
    #   (1,000,000 − 120,000 − 50,000) × 0.05 = 830,000 × 0.05 = 41,500 kWh.
    site = hk_site(
        electricity_kwh=r(1_000_000),
        shares={"chillers": r("0.4"), "lighting": r("0.1")},
    )
    lighting = MeasureSpec(
        key="led",
        investment=r(1),
        effects=(Effect("lighting", calc.ELECTRICITY, r("0.5")),),
    )
    voltage = MeasureSpec(
        key="vo",
        investment=r(1),
        effects=(
            Effect("site-electricity", calc.ELECTRICITY, r("0.05"), whole_site=True),
        ),
    )

    outcome = calc.estimate(site, [voltage, chiller(saving=(0.3, 0.3)), lighting])

    by_key = {m.key: m.impact.quantities[calc.ELECTRICITY] for m in outcome.measures}
    assert by_key == {"vo": r(41_500), "chiller": r(120_000), "led": r(50_000)}
    assert outcome.total.quantities[calc.ELECTRICITY] == r(211_500)


def test_shares_that_exceed_the_whole_are_scaled_to_fit():
    # VOC 10,000 kg; inks said to be 80% and cleaning 60% of it: 140% is impossible,
    # so both are scaled by 1 ÷ 1.4: inks 80 ÷ 1.4 = 57.14% = 5,714.29 kg and cleaning
    # 60 ÷ 1.4 = 42.86% = 4,285.71 kg. Inks save 50% = 2,857.14 kg, cleaning 50% =
    # 2,142.86 kg; end-of-pipe treatment then takes 90% of the 5,000 kg left = 4,500 kg.
    site = hk_site(voc_kg=r(10_000), shares={"inks": r("0.8"), "cleaning": r("0.6")})

    def on(end_use, share, whole_site=False):
        return MeasureSpec(
            key=end_use,
            investment=r(1),
            effects=(Effect(end_use, calc.VOC, r(share), whole_site=whole_site),),
        )

    outcome = calc.estimate(
        site, [on("inks", "0.5"), on("cleaning", "0.5"), on("site-voc", "0.9", True)]
    )

    voc = [m.impact.quantities[calc.VOC].low for m in outcome.measures]
    assert [v.quantize(D("0.01")) for v in voc] == [
        D("2857.14"),
        D("2142.86"),
        D("4500.00"),
    ]
    assert all(base.scaled for base in outcome.bases)
    assert outcome.total.emissions["voc"] == r(9_500)


def test_per_unit_saving_is_capped_at_what_is_left():
    # Solar PV 200 kWp × 1,000–1,150 kWh/kWp = 200,000–230,000 kWh a year, but the
    # site only uses 150,000 kWh: the saving stops at 150,000 kWh.
    pv = MeasureSpec(
        key="pv",
        investment=r(660_000, 1_200_000),
        capacity=D(200),
        effects=(
            Effect(
                "site-electricity",
                calc.ELECTRICITY,
                r(1000, 1150),
                basis=calc.PER_UNIT,
                whole_site=True,
            ),
        ),
    )

    measure = calc.estimate(hk_site(electricity_kwh=r(150_000)), [pv]).measures[0]

    assert measure.impact.quantities[calc.ELECTRICITY] == r(150_000)
    assert measure.steps[0].capped is True


def test_per_unit_fuel_figures_are_megajoules():
    # Compressor heat recovery: 75 kW × 8,000–14,000 MJ = 600,000–1,050,000 MJ of
    # fuel a year; diesel at 36.12 MJ/L: 600,000 ÷ 36.12 = 16,611.30 L and
    # 1,050,000 ÷ 36.12 = 29,069.77 L, within the 60,000 L of boiler fuel.
    diesel = Factor("diesel", "L", energy_mj=D("36.12"), co2_kg=D("2.6765"))
    site = hk_site(
        fuel=diesel,
        fuel_quantity=r(60_000),
        fuel_price=r(12),
        shares={"boiler-fuel": r(1)},
    )
    recovery = MeasureSpec(
        key="heat",
        investment=r(37_500, 90_000),
        capacity=D(75),
        effects=(
            Effect("boiler-fuel", calc.FUEL, r(8000, 14000), basis=calc.PER_UNIT),
        ),
    )

    fuel = calc.estimate(site, [recovery]).measures[0].impact.quantities[calc.FUEL]

    assert close(fuel.low, "16611.30")
    assert close(fuel.high, "29069.77")


def test_unknown_factor_and_unpriced_fuel_are_reported_not_guessed():
    towngas = Factor("towngas", "unit", energy_mj=D(48), co2_kg=None)
    site = hk_site(fuel=towngas, fuel_quantity=r(10_000), shares={"boiler-fuel": r(1)})
    economiser = MeasureSpec(
        key="eco",
        investment=r(80_000),
        effects=(Effect("boiler-fuel", calc.FUEL, r("0.05")),),
    )

    measure = calc.estimate(site, [economiser]).measures[0]

    assert measure.impact.quantities[calc.FUEL] == r(500)
    assert measure.impact.emissions["co2"] == r(0)
    assert measure.impact.unknown_emissions["co2"] == ("towngas",)
    assert measure.impact.unpriced == (calc.FUEL,)
    assert measure.payback.pays_back is False


def test_emissions_from_quantities_for_other_modules():
    # 10,000 kWh × 0.7 = 7,000 kg; 100 kg LPG × 2.9846 = 298.46 kg; total 7,298.46.
    result = calc.emissions_from_quantities([(HK_DEFAULT, D(10_000)), (LPG, D(100))])

    assert result.kg["co2"] == D("7298.46")
    assert result.kg["nox"] == D("0.0190146")
    assert result.unknown["nox"] == ("hk-default",)


def test_a_measure_may_be_chosen_once():
    with pytest.raises(ValueError):
        calc.estimate(hk_site(), [chiller(), chiller()])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200,000", (1_200_000, 1_200_000)),
        ("30-45", (30, 45)),
        ("30 – 45", (30, 45)),
        ("45 to 30", (30, 45)),
        ("0.6至0.9", ("0.6", "0.9")),
        ("40%", (40, 40)),
    ],
)
def test_parse_range_reads_numbers_and_ranges(text, expected):
    assert parse_range(text) == r(*expected)


@pytest.mark.parametrize("text", ["abc", "-5", "1-2-3"])
def test_parse_range_refuses_what_is_not_a_figure(text):
    with pytest.raises(ValueError):
        parse_range(text)


def test_figures_are_rounded_to_three_significant_figures():
    assert significant(D("201600")) == D("202000")
    assert significant(D("0.045678")) == D("0.0457")
    assert num(D("1200000"), "exact") == "1,200,000"
