-- title: Conflicting figures
-- description: The same district, indicator and year stated with different values (or growth rates) in different documents, with both quotes and both documents.
-- params: :district :year :indicator
-- columns: district TEXT, indicator_code TEXT, indicator_name TEXT, year INTEGER, modality TEXT, unit TEXT, value_a REAL amount, growth_pct_a REAL, quote_a TEXT, doc_a TEXT, title_a TEXT, value_b REAL amount, growth_pct_b REAL, quote_b TEXT, doc_b TEXT, title_b TEXT, difference_pct REAL
--
-- A pair of claims from two documents (doc_a < doc_b) with the same
-- district, indicator_code, year, modality and unit whose values differ,
-- or whose growth rates differ. A pair is not a value conflict when either
-- document also states the other's value (then the two figures are most
-- likely different parts of the indicator). difference_pct = (b - a) / a.
WITH stated AS (
  SELECT c.*, d.title
  FROM claims c
  JOIN documents d ON d.doc = c.doc
  LEFT JOIN indicators i ON i.code = c.indicator_code
  WHERE c.indicator_code IS NOT NULL AND c.district IS NOT NULL AND c.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL OR c.indicator_code = :indicator OR i.name_zh = :indicator)
)
SELECT a.district, a.indicator_code, i.name_zh AS indicator_name, a.year, a.modality, a.unit,
       a.value AS value_a, a.growth_pct AS growth_pct_a, a.quote AS quote_a, a.doc AS doc_a, a.title AS title_a,
       b.value AS value_b, b.growth_pct AS growth_pct_b, b.quote AS quote_b, b.doc AS doc_b, b.title AS title_b,
       CASE WHEN a.value <> 0 THEN round(100.0 * (b.value - a.value) / a.value, 2) END AS difference_pct
FROM stated a
JOIN stated b ON b.district = a.district AND b.indicator_code = a.indicator_code AND b.year = a.year
             AND b.modality = a.modality AND b.unit IS a.unit AND b.doc > a.doc
LEFT JOIN indicators i ON i.code = a.indicator_code
WHERE (a.value <> b.value
       AND NOT EXISTS (SELECT 1 FROM stated x
                       WHERE x.district = a.district AND x.indicator_code = a.indicator_code
                         AND x.year = a.year AND x.unit IS a.unit
                         AND ((x.doc = b.doc AND x.value = a.value) OR (x.doc = a.doc AND x.value = b.value))))
   OR a.growth_pct <> b.growth_pct
ORDER BY a.district, a.indicator_code, a.year, a.doc, a.span_start, b.doc, b.span_start
