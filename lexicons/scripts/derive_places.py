#!/usr/bin/env python3
"""Derives lexicons/places.tsv from the public statistical division codes.

Usage: python3 lexicons/scripts/derive_places.py ../shared/data/admin-divisions > lexicons/places.tsv

Input: provinces.csv, cities.csv, areas.csv, streets.csv (modood/Administrative-divisions-of-China,
data as of 2022-10-31). Output columns:

  code         the statistical code (2 digits province, 4 city, 6 county-level, 9 town-level)
  name         the official name, path prefixes removed (南通市海门区临江新区 -> 临江新区)
  level        province, city, district, town
  parent_code  the code of the unit above (a municipality's districts hang from the province)
  aliases      other full names that name only this kind of place anywhere (斜土街道 for 斜土路街道)
  short        short forms (浦东 for 浦东新区, 桃浦 for 桃浦镇) that count only in context

Choices, documented here so the TSV can be regenerated and reviewed:
- Municipalities' `市辖区`/`县` city rows and provinces' `省直辖县级行政区划` rows are not places
  users write; their county-level units hang directly from the province.
- Town-level rows kept: names ending in 镇, 乡, 街道 (街道办事处 -> 街道), 苏木, and zones ending in
  新区 or 新城 (临江新区). Farms, prisons, parks and development zones are dropped: bulletins
  do not report governance under them, and their generic names would match noise.
- Short forms: county-level units of 上海市, 江苏省 and 浙江省 (the region the newsletters come
  from) drop 区/县/市 (浦东新区 -> 浦东, 徐汇区 -> 徐汇); towns everywhere drop 镇/乡/街道 and
  路街道 (斜土路街道 -> 斜土). Short forms of one character, and common words listed in
  COMMON_WORDS, are not generated.
"""
import csv
import re
import sys

SHORT_FORM_PROVINCES = {"31", "32", "33"}
COMMON_WORDS = {
    # two-character words a bulletin writes for other reasons
    "新区", "城区", "郊区", "矿区", "市中", "中心", "城关", "城南", "城北", "城东", "城西", "城中",
    "和平", "长安", "平安", "新华", "人民", "光明", "胜利", "前进", "团结", "红旗", "东风", "工农",
    "太平", "永安", "新村", "开发", "经济", "高新", "工业", "农场", "社区", "街道", "大同", "来宾",
    "安康", "新城", "老城", "古城", "中山", "文化", "建设", "解放", "友谊", "新兴", "兴隆",
    "东区", "西区", "南区", "北区", "中区", "海港", "江南", "江北", "河东", "河西", "鼓楼", "钟楼",
    "城市", "新市", "市区", "县城", "镇区", "乡村", "农村", "新镇", "老镇", "大桥", "北站", "南站",
}
AUTONOMOUS = ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"]
TOWN_SUFFIXES = ["街道办事处", "街道", "民族乡", "镇", "乡", "苏木", "新区", "新城"]


def rows(folder, name):
    with open(f"{folder}/{name}", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def strip_prefixes(name, prefixes):
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if prefix and name.startswith(prefix) and len(name) > len(prefix) + 1:
                name = name[len(prefix):]
                changed = True
    return name


def main(folder):
    provinces = {r["code"]: r["name"] for r in rows(folder, "provinces.csv")}
    cities = {r["code"]: (r["name"], r["provinceCode"]) for r in rows(folder, "cities.csv")}
    areas = {r["code"]: (r["name"], r["cityCode"], r["provinceCode"]) for r in rows(folder, "areas.csv")}
    out = []

    for code, name in sorted(provinces.items()):
        short = name
        for suffix in AUTONOMOUS:
            if short.endswith(suffix):
                short = short[: -len(suffix)]
                break
        out.append((code, name, "province", "", [], [short] if len(short) >= 2 else []))

    real_city = {}
    for code, (name, province) in sorted(cities.items()):
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        real_city[code] = True
        short = re.sub(r"(市|地区|盟|自治州)$", "", name)
        shorts = [short] if len(short) >= 2 and short != name and short not in COMMON_WORDS else []
        out.append((code, name, "city", province, [], shorts))

    for code, (name, city, province) in sorted(areas.items()):
        if name == "市辖区":
            continue
        parent = city if city in real_city else province
        shorts = []
        if province in SHORT_FORM_PROVINCES:
            short = re.sub(r"(新区|区|县|市)$", "", name)
            if len(short) >= 2 and short != name and short not in COMMON_WORDS:
                shorts.append(short)
        out.append((code, name, "district", parent, [], shorts))

    for r in rows(folder, "streets.csv"):
        code, name, area = r["code"], r["name"], r["areaCode"]
        name = re.sub(r"（.*?）|\(.*?\)", "", name).strip()
        area_name = areas.get(area, ("", "", ""))[0]
        city_name = cities.get(r["cityCode"], ("", ""))[0]
        province_name = provinces.get(r["provinceCode"], "")
        name = strip_prefixes(name, [province_name, city_name, area_name, "江苏省国营"])
        suffix = next((s for s in TOWN_SUFFIXES if name.endswith(s)), None)
        if suffix is None or len(name) <= len(suffix):
            continue  # not a town, or a bare `街道` left by a path prefix
        if suffix in ("新区", "新城") and len(name) < 4:
            continue
        if suffix == "街道办事处":
            name = name[: -len("办事处")]
            suffix = "街道"
        aliases, shorts = [], []
        stem = name[: -len(suffix)]
        if suffix == "街道" and stem.endswith("路") and len(stem) >= 3:
            aliases.append(stem[:-1] + "街道")
            stem = stem[:-1]
        if suffix in ("街道", "镇", "乡") and len(stem) >= 2 and stem not in COMMON_WORDS:
            shorts.append(stem)
        parent = area if area in areas else r["cityCode"]
        out.append((code, name, "town", parent, aliases, shorts))

    print("# China's administrative divisions down to towns, derived by lexicons/scripts/derive_places.py")
    print("# from the statistical division codes (data as of 2022-10-31). Regenerate, do not hand-edit;")
    print("# add places or forms of your own in a user lexicon (--lexicon).")
    print("code\tname\tlevel\tparent_code\taliases\tshort")
    for code, name, level, parent, aliases, shorts in out:
        print(f"{code}\t{name}\t{level}\t{parent}\t{'|'.join(aliases)}\t{'|'.join(shorts)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/admin-divisions")
