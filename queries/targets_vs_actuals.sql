-- title: Targets vs actuals
-- description: Each target or plan stated for a year beside the actual figure reported for that year (same district and indicator) in any document.
-- params: :district :year :indicator
-- columns: district TEXT, indicator_code TEXT, indicator_name TEXT, year INTEGER, target_modality TEXT, target_value REAL amount, target_unit TEXT, target_growth_pct REAL, target_quote TEXT, target_doc TEXT, actual_value REAL amount, actual_unit TEXT, actual_growth_pct REAL, actual_quote TEXT, actual_doc TEXT, met INTEGER
--
-- Every target/plan claim with an indicator code and a year is a row; the
-- actual columns are empty when no document reports that year yet. Of
-- several actuals, the chosen one has the target's unit, then comes from
-- the latest document, then is first in its text. met: 1 or 0 when the
-- actual value (same unit) or, for a growth target, the actual growth
-- reaches the target; empty when they cannot be compared.
WITH targets AS (
  SELECT c.*
  FROM claims c
  LEFT JOIN indicators i ON i.code = c.indicator_code
  WHERE c.modality IN ('target', 'plan') AND c.indicator_code IS NOT NULL AND c.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL OR c.indicator_code = :indicator OR i.name_zh = :indicator)
),
matched AS (
  SELECT t.id AS target_id, a.id AS actual_id,
         row_number() OVER (PARTITION BY t.id
                            ORDER BY a.unit IS t.unit DESC, d.year DESC, coalesce(d.date, '') DESC,
                                     a.doc DESC, a.span_start) AS pick
  FROM targets t
  JOIN claims a ON a.modality = 'actual' AND a.indicator_code = t.indicator_code AND a.year = t.year
               AND a.district IS t.district
  JOIN documents d ON d.doc = a.doc
)
SELECT t.district, t.indicator_code, i.name_zh AS indicator_name, t.year, t.modality AS target_modality,
       t.value AS target_value, t.unit AS target_unit, t.growth_pct AS target_growth_pct,
       t.quote AS target_quote, t.doc AS target_doc,
       a.value AS actual_value, a.unit AS actual_unit, a.growth_pct AS actual_growth_pct,
       a.quote AS actual_quote, a.doc AS actual_doc,
       CASE
         WHEN a.id IS NULL THEN NULL
         WHEN t.value IS NOT NULL AND a.value IS NOT NULL AND t.unit IS a.unit THEN a.value >= t.value
         WHEN t.value IS NULL AND t.growth_pct IS NOT NULL AND a.growth_pct IS NOT NULL
           THEN a.growth_pct >= t.growth_pct
       END AS met
FROM targets t
LEFT JOIN matched m ON m.target_id = t.id AND m.pick = 1
LEFT JOIN claims a ON a.id = m.actual_id
LEFT JOIN indicators i ON i.code = t.indicator_code
ORDER BY t.district, t.indicator_code, t.year, t.doc, t.span_start
