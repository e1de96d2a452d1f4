-- title: Conflicting figures
-- description: Figures for the same district, indicator, year, period, modality and unit that documents state differently: one row per disputed figure, with every value stated and the lowest and highest statement from two different documents.
-- params: :district :year :indicator
-- columns: district TEXT, indicator_code TEXT, indicator_name TEXT, year INTEGER, period TEXT, modality TEXT, unit TEXT, documents INTEGER, claims INTEGER, values_stated TEXT, growth_pcts_stated TEXT, value_a REAL amount, growth_pct_a REAL, quote_a TEXT, doc_a TEXT, title_a TEXT, value_b REAL amount, growth_pct_b REAL, quote_b TEXT, doc_b TEXT, title_b TEXT, difference_pct REAL
--
-- A figure is what a district, indicator_code, year, period, modality and
-- unit identify (period is NULL for none). It is disputed when its claims
-- come from two or more documents and state two or more different values,
-- or growth rates, and no single document states all of them (one that
-- does most likely gives different parts of the indicator, a total and a
-- component say, rather than contradicting the others).
-- values_stated and growth_pcts_stated list the distinct values and growth
-- rates (JSON, ascending). a is the lowest statement (by value, then
-- growth rate; the first document and first in its text among equals), b
-- the highest one in another document (the last document and last in its
-- text among equals); difference_pct = (b - a) / a in percent. One row per figure, so the report grows with the number of
-- disputed figures, not with the square of their claims.
--
-- One pass over the index claims_figure (schema/004_report_indexes.sql)
-- in that order: min() picks a (SQLite takes the bare columns from its
-- row, the first of the lowest); only a disputed figure reads its own few
-- entries again, for b and, when a document states several of its claims,
-- to check that no document states every value.
WITH figures AS (
  SELECT f.district, f.indicator_code, f.year, f.period, f.modality, f.unit,
         count(*) AS claims, count(DISTINCT f.doc) AS documents,
         json_group_array(DISTINCT f.value) FILTER (WHERE f.value IS NOT NULL) AS values_stated,
         json_group_array(DISTINCT f.growth_pct) FILTER (WHERE f.growth_pct IS NOT NULL) AS growth_pcts_stated,
         min(coalesce(f.value, 9e999)) AS lowest,  -- a bare rate (no value) counts as the highest
         f.id AS id_a, f.value AS value_a, f.growth_pct AS growth_pct_a, f.quote AS quote_a, f.doc AS doc_a
  FROM claims f INDEXED BY claims_figure
  WHERE f.indicator_code IS NOT NULL
    AND (nullif(:district, '') IS NULL OR f.district = :district)
    AND (nullif(:year, '') IS NULL OR f.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL
         OR f.indicator_code IN (SELECT code FROM indicators WHERE :indicator IN (code, name_zh)))
  GROUP BY f.district, f.indicator_code, f.year, f.period, f.modality, f.unit
  HAVING documents > 1 AND (json_array_length(values_stated) > 1 OR json_array_length(growth_pcts_stated) > 1)
  ORDER BY f.district, f.indicator_code, f.year, f.period, f.modality, f.unit
),
disputed AS (
  SELECT g.*,
         (SELECT s.id FROM claims s INDEXED BY claims_figure
           WHERE s.indicator_code IS NOT NULL AND s.district = g.district AND s.indicator_code = g.indicator_code
             AND s.year IS g.year AND s.period IS g.period AND s.modality = g.modality AND s.unit IS g.unit
             AND s.doc <> g.doc_a
           ORDER BY s.value DESC, s.growth_pct DESC, s.doc DESC, s.span_start DESC
           LIMIT 1) AS id_b
  FROM figures g
  -- Every document states one claim of the figure, or none states all its values (rates).
  WHERE g.claims = g.documents
     OR (SELECT (json_array_length(g.values_stated) > 1 AND max(n_values) < json_array_length(g.values_stated))
                OR (json_array_length(g.growth_pcts_stated) > 1
                    AND max(n_rates) < json_array_length(g.growth_pcts_stated))
         FROM (SELECT count(DISTINCT s.value) AS n_values, count(DISTINCT s.growth_pct) AS n_rates
               FROM claims s INDEXED BY claims_figure
               WHERE s.indicator_code IS NOT NULL AND s.district = g.district AND s.indicator_code = g.indicator_code
                 AND s.year IS g.year AND s.period IS g.period AND s.modality = g.modality AND s.unit IS g.unit
               GROUP BY s.doc))
  LIMIT -1  -- keeps `disputed` a subquery of its own, so id_b is computed once per row
)
SELECT p.district, p.indicator_code, i.name_zh AS indicator_name, p.year, p.period, p.modality, p.unit,
       p.documents, p.claims, p.values_stated, p.growth_pcts_stated,
       p.value_a, p.growth_pct_a, p.quote_a, p.doc_a, da.title AS title_a,
       b.value AS value_b, b.growth_pct AS growth_pct_b, b.quote AS quote_b, b.doc AS doc_b, db.title AS title_b,
       CASE WHEN p.value_a <> 0 THEN round(100.0 * (b.value - p.value_a) / p.value_a, 2) END AS difference_pct
FROM disputed p
LEFT JOIN claims b INDEXED BY claims_figure
       ON b.indicator_code IS NOT NULL AND b.district = p.district AND b.indicator_code = p.indicator_code
      AND b.year IS p.year AND b.period IS p.period AND b.modality = p.modality AND b.unit IS p.unit
      AND b.id + 0 = p.id_b
LEFT JOIN indicators i ON i.code = p.indicator_code
LEFT JOIN documents da INDEXED BY documents_info ON da.doc = p.doc_a
LEFT JOIN documents db INDEXED BY documents_info ON db.doc = b.doc
