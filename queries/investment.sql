-- title: Investment
-- description: Fixed-asset investment and its parts (construction, industrial, infrastructure, real estate, ...), major-project totals, funds and capital attracted, by district and year.
-- params: :district :year :indicator
-- columns: district TEXT, year INTEGER, part TEXT, indicator_code TEXT, indicator_name TEXT, modality TEXT, value REAL amount, unit TEXT, growth_pct REAL, share_of_fai_pct REAL, documents INTEGER, claims INTEGER, values_stated TEXT, quote TEXT, doc TEXT
--
-- part: fixed_asset_investment (the total), component (a part of it),
-- major_projects, funds, capital_attracted or projects (counts).
-- share_of_fai_pct: a CNY component as a percentage of the same district's
-- and year's fixed-asset investment, when both are stated.
-- One row per (district, year, indicator_code, unit); the chosen claim is
-- the one the view claims_ranked prefers (schema/004_report_indexes.sql):
-- actual before target/plan/forecast, one with a value before a bare rate,
-- the latest document, the first in the text. values_stated lists (JSON,
-- ascending) every distinct value stated for the row.
WITH chosen AS (
  SELECT r.district, r.year, r.indicator_code, r.unit,
         count(DISTINCT r.doc) AS documents, count(*) AS claims,
         json_group_array(DISTINCT r.value) FILTER (WHERE r.value IS NOT NULL) AS values_stated,
         max(r.preference) AS preference,  -- the other columns come from this claim (SQLite's bare columns)
         r.modality, r.value, r.growth_pct, r.quote, r.doc
  FROM claims_ranked r
  WHERE r.indicator_code IN (SELECT code FROM indicators WHERE category = 'investment')
    AND (nullif(:district, '') IS NULL OR r.district = :district)
    AND (nullif(:year, '') IS NULL OR r.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL
         OR r.indicator_code IN (SELECT code FROM indicators WHERE :indicator IN (code, name_zh)))
  GROUP BY r.district, r.indicator_code, r.year, r.unit
),
parts AS (
  SELECT *,
         CASE
           WHEN indicator_code = 'fixed_asset_investment' THEN 'fixed_asset_investment'
           WHEN indicator_code IN ('construction_investment', 'industrial_investment',
                                   'infrastructure_investment', 'real_estate_investment',
                                   'hightech_investment', 'private_investment') THEN 'component'
           WHEN indicator_code = 'major_project_investment' THEN 'major_projects'
           WHEN indicator_code = 'industry_fund' THEN 'funds'
           WHEN indicator_code = 'domestic_capital' THEN 'capital_attracted'
           ELSE 'projects'
         END AS part,
         max(CASE WHEN indicator_code = 'fixed_asset_investment' AND unit = 'CNY' AND modality = 'actual'
                  THEN value END) OVER (PARTITION BY district, year) AS fai
  FROM chosen
)
SELECT p.district, p.year, p.part, p.indicator_code, i.name_zh AS indicator_name, p.modality, p.value, p.unit,
       p.growth_pct,
       CASE WHEN p.part = 'component' AND p.unit = 'CNY' AND p.fai > 0 THEN round(100.0 * p.value / p.fai, 1) END
         AS share_of_fai_pct,
       p.documents, p.claims, p.values_stated, p.quote, p.doc
FROM parts p
LEFT JOIN indicators i ON i.code = p.indicator_code
ORDER BY p.district, p.year,
         CASE p.part WHEN 'fixed_asset_investment' THEN 0 WHEN 'component' THEN 1 WHEN 'major_projects' THEN 2
                     WHEN 'funds' THEN 3 WHEN 'capital_attracted' THEN 4 ELSE 5 END,
         p.indicator_code, p.unit
