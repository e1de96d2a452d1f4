-- title: Investment
-- description: Fixed-asset investment and its parts (construction, industrial, infrastructure, real estate, ...), major-project totals, funds and capital attracted, by district and year.
-- params: :district :year :indicator
-- columns: district TEXT, year INTEGER, part TEXT, indicator_code TEXT, indicator_name TEXT, modality TEXT, value REAL amount, unit TEXT, growth_pct REAL, share_of_fai_pct REAL, documents INTEGER, claims INTEGER, values_stated TEXT, quote TEXT, doc TEXT
--
-- part: fixed_asset_investment (the total), component (a part of it),
-- major_projects, funds, capital_attracted or projects (counts).
-- share_of_fai_pct: a CNY component as a percentage of the same district's
-- and year's fixed-asset investment, when both are stated.
-- One row per (district, year, indicator_code, unit); the chosen claim is:
-- actual before target/plan/forecast, one with a value before a bare rate,
-- the latest document, the first in the text.
WITH stated AS (
  SELECT c.doc, c.span_start, c.district, c.year, c.indicator_code, c.unit, c.value, c.growth_pct,
         c.modality, c.quote, d.year AS doc_year, coalesce(d.date, '') AS doc_date,
         CASE
           WHEN c.indicator_code = 'fixed_asset_investment' THEN 'fixed_asset_investment'
           WHEN c.indicator_code IN ('construction_investment', 'industrial_investment',
                                     'infrastructure_investment', 'real_estate_investment',
                                     'hightech_investment', 'private_investment') THEN 'component'
           WHEN c.indicator_code = 'major_project_investment' THEN 'major_projects'
           WHEN c.indicator_code = 'industry_fund' THEN 'funds'
           WHEN c.indicator_code = 'domestic_capital' THEN 'capital_attracted'
           ELSE 'projects'
         END AS part
  FROM claims c
  JOIN documents d ON d.doc = c.doc
  JOIN indicators i ON i.code = c.indicator_code
  WHERE i.category = 'investment'
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL OR c.indicator_code = :indicator OR i.name_zh = :indicator)
),
ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY district, year, indicator_code, unit
                            ORDER BY modality = 'actual' DESC, value IS NOT NULL DESC, doc_year DESC,
                                     doc_date DESC, doc DESC, span_start) AS pick
  FROM stated
),
chosen AS (
  SELECT *,
         max(CASE WHEN indicator_code = 'fixed_asset_investment' AND unit = 'CNY' AND modality = 'actual'
                  THEN value END) OVER (PARTITION BY district, year) AS fai
  FROM ranked
  WHERE pick = 1
),
counted AS (
  SELECT district, year, indicator_code, unit, count(DISTINCT doc) AS documents, count(*) AS claims,
         json_group_array(DISTINCT value) FILTER (WHERE value IS NOT NULL) AS values_stated
  FROM (SELECT * FROM stated ORDER BY value DESC)
  GROUP BY district, year, indicator_code, unit
)
SELECT r.district, r.year, r.part, r.indicator_code, i.name_zh AS indicator_name, r.modality, r.value,
       r.unit, r.growth_pct,
       CASE WHEN r.part = 'component' AND r.unit = 'CNY' AND r.fai > 0
            THEN round(100.0 * r.value / r.fai, 1) END AS share_of_fai_pct,
       n.documents, n.claims, n.values_stated, r.quote, r.doc
FROM chosen r
JOIN counted n ON n.district IS r.district AND n.year IS r.year AND n.indicator_code = r.indicator_code
              AND n.unit IS r.unit
JOIN indicators i ON i.code = r.indicator_code
ORDER BY r.district, r.year,
         CASE r.part WHEN 'fixed_asset_investment' THEN 0 WHEN 'component' THEN 1 WHEN 'major_projects' THEN 2
                     WHEN 'funds' THEN 3 WHEN 'capital_attracted' THEN 4 ELSE 5 END,
         r.indicator_code, r.unit
