"""Reference lists shared by every app: industries and locations."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Industry(models.TextChoices):
    """The programme's eight targeted industries, and "other" (case-by-case)."""

    FOOD = "food", _("Food and beverage")
    CHEMICAL = "chemical", _("Chemical products")
    FURNITURE = "furniture", _("Furniture")
    METAL = "metal", _("Metal and metal products")
    NON_METALLIC = "non_metallic", _("Non-metallic mineral products")
    PRINTING = "printing", _("Printing and publishing")
    PAPER = "paper", _("Paper and paper products")
    TEXTILES = "textiles", _("Textiles")
    OTHER = "other", _("Other (decided case by case)")

    @classmethod
    def targeted(cls) -> list["Industry"]:
        return [i for i in cls if i != cls.OTHER]


class Region(models.TextChoices):
    HONG_KONG = "HK", _("Hong Kong")
    GUANGDONG = "GD", _("Guangdong")


class Location(models.TextChoices):
    """Hong Kong's 18 districts and Guangdong's 21 prefecture-level cities."""

    HK_CENTRAL_WESTERN = "hk-central-western", _("Central and Western, Hong Kong")
    HK_WAN_CHAI = "hk-wan-chai", _("Wan Chai, Hong Kong")
    HK_EASTERN = "hk-eastern", _("Eastern, Hong Kong")
    HK_SOUTHERN = "hk-southern", _("Southern, Hong Kong")
    HK_YAU_TSIM_MONG = "hk-yau-tsim-mong", _("Yau Tsim Mong, Hong Kong")
    HK_SHAM_SHUI_PO = "hk-sham-shui-po", _("Sham Shui Po, Hong Kong")
    HK_KOWLOON_CITY = "hk-kowloon-city", _("Kowloon City, Hong Kong")
    HK_WONG_TAI_SIN = "hk-wong-tai-sin", _("Wong Tai Sin, Hong Kong")
    HK_KWUN_TONG = "hk-kwun-tong", _("Kwun Tong, Hong Kong")
    HK_KWAI_TSING = "hk-kwai-tsing", _("Kwai Tsing, Hong Kong")
    HK_TSUEN_WAN = "hk-tsuen-wan", _("Tsuen Wan, Hong Kong")
    HK_TUEN_MUN = "hk-tuen-mun", _("Tuen Mun, Hong Kong")
    HK_YUEN_LONG = "hk-yuen-long", _("Yuen Long, Hong Kong")
    HK_NORTH = "hk-north", _("North, Hong Kong")
    HK_TAI_PO = "hk-tai-po", _("Tai Po, Hong Kong")
    HK_SHA_TIN = "hk-sha-tin", _("Sha Tin, Hong Kong")
    HK_SAI_KUNG = "hk-sai-kung", _("Sai Kung, Hong Kong")
    HK_ISLANDS = "hk-islands", _("Islands, Hong Kong")
    GD_GUANGZHOU = "gd-guangzhou", _("Guangzhou, Guangdong")
    GD_SHENZHEN = "gd-shenzhen", _("Shenzhen, Guangdong")
    GD_ZHUHAI = "gd-zhuhai", _("Zhuhai, Guangdong")
    GD_SHANTOU = "gd-shantou", _("Shantou, Guangdong")
    GD_FOSHAN = "gd-foshan", _("Foshan, Guangdong")
    GD_SHAOGUAN = "gd-shaoguan", _("Shaoguan, Guangdong")
    GD_HEYUAN = "gd-heyuan", _("Heyuan, Guangdong")
    GD_MEIZHOU = "gd-meizhou", _("Meizhou, Guangdong")
    GD_HUIZHOU = "gd-huizhou", _("Huizhou, Guangdong")
    GD_SHANWEI = "gd-shanwei", _("Shanwei, Guangdong")
    GD_DONGGUAN = "gd-dongguan", _("Dongguan, Guangdong")
    GD_ZHONGSHAN = "gd-zhongshan", _("Zhongshan, Guangdong")
    GD_JIANGMEN = "gd-jiangmen", _("Jiangmen, Guangdong")
    GD_YANGJIANG = "gd-yangjiang", _("Yangjiang, Guangdong")
    GD_ZHANJIANG = "gd-zhanjiang", _("Zhanjiang, Guangdong")
    GD_MAOMING = "gd-maoming", _("Maoming, Guangdong")
    GD_ZHAOQING = "gd-zhaoqing", _("Zhaoqing, Guangdong")
    GD_QINGYUAN = "gd-qingyuan", _("Qingyuan, Guangdong")
    GD_CHAOZHOU = "gd-chaozhou", _("Chaozhou, Guangdong")
    GD_JIEYANG = "gd-jieyang", _("Jieyang, Guangdong")
    GD_YUNFU = "gd-yunfu", _("Yunfu, Guangdong")

    @classmethod
    def region_of(cls, value: str) -> Region:
        return Region.HONG_KONG if value.startswith("hk-") else Region.GUANGDONG

    @classmethod
    def in_region(cls, region: str) -> list["Location"]:
        prefix = f"{region.lower()}-"
        return [loc for loc in cls if loc.value.startswith(prefix)]
