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
--
-- Targets and actuals are read from the index claims_cell (through the
-- view claims_ranked, schema/004_report_indexes.sql); a target's actual
-- is the first of its district's, indicator's and year's few entries.
WITH targets AS (
  SELECT c.district, c.indicator_code, c.year, c.modality, c.value, c.unit, c.growth_pct, c.quote, c.doc,
         c.span_start,
         (SELECT claim_id
          FROM (SELECT a.claim_id, a.unit IS c.unit AS same_unit, substr(a.preference, 2) AS recency
                FROM claims_ranked a
                WHERE a.district IS c.district AND a.indicator_code = c.indicator_code AND a.year = c.year
                  AND a.modality = 'actual')
          ORDER BY same_unit DESC, recency DESC
          LIMIT 1) AS actual_id
  FROM claims c INDEXED BY claims_cell
  WHERE c.indicator_code IS NOT NULL AND c.modality IN ('target', 'plan') AND c.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL
         OR c.indicator_code IN (SELECT code FROM indicators WHERE :indicator IN (code, name_zh)))
  LIMIT -1  -- keeps `targets` a subquery of its own, so actual_id is computed once per target
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
LEFT JOIN claims a INDEXED BY claims_cell
       ON t.actual_id IS NOT NULL AND a.indicator_code IS NOT NULL AND a.district IS t.district
      AND a.indicator_code = t.indicator_code AND a.year = t.year AND a.id + 0 = t.actual_id
LEFT JOIN indicators i ON i.code = t.indicator_code
ORDER BY t.district, t.indicator_code, t.year, t.doc, t.span_start
