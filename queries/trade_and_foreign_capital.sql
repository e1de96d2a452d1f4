-- title: Trade and foreign capital
-- description: Imports and exports, exports, imports, trade in services and actual use of foreign capital by district and year, USD and CNY in separate columns.
-- params: :district :year
-- columns: district TEXT, year INTEGER, trade_total_cny REAL amount, trade_total_usd REAL amount, trade_total_growth_pct REAL, exports_cny REAL amount, exports_usd REAL amount, exports_growth_pct REAL, imports_cny REAL amount, imports_usd REAL amount, imports_growth_pct REAL, service_trade_cny REAL amount, service_trade_usd REAL amount, fdi_actual_cny REAL amount, fdi_actual_usd REAL amount, fdi_actual_growth_pct REAL, documents INTEGER
--
-- Actual figures only (targets are in targets_vs_actuals). Amounts are
-- never converted between currencies. When one district, year, indicator
-- and currency has several claims, the chosen one is from the latest
-- document, then the first in the text (the view claims_ranked,
-- schema/004_report_indexes.sql); a growth rate comes from the CNY figure,
-- else the USD one, else a bare rate.
WITH stated AS (
  SELECT c.doc, c.district, c.year, c.indicator_code, c.unit, c.value, c.growth_pct, c.preference
  FROM claims_ranked c
  WHERE c.indicator_code IN ('trade_total', 'exports', 'imports', 'service_trade', 'fdi_actual')
    AND c.modality = 'actual'
    AND (c.unit IN ('CNY', 'USD') OR (c.value IS NULL AND c.growth_pct IS NOT NULL))
    AND c.district IS NOT NULL AND c.year IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
),
ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY district, year, indicator_code, unit ORDER BY preference DESC) AS pick,
         row_number() OVER (PARTITION BY district, year, indicator_code
                            ORDER BY growth_pct IS NULL, unit = 'CNY' DESC, unit = 'USD' DESC, preference DESC)
           AS growth_pick
  FROM stated
)
SELECT district, year,
       max(CASE WHEN indicator_code = 'trade_total' AND unit = 'CNY' AND pick = 1 THEN value END) AS trade_total_cny,
       max(CASE WHEN indicator_code = 'trade_total' AND unit = 'USD' AND pick = 1 THEN value END) AS trade_total_usd,
       max(CASE WHEN indicator_code = 'trade_total' AND growth_pick = 1 THEN growth_pct END) AS trade_total_growth_pct,
       max(CASE WHEN indicator_code = 'exports' AND unit = 'CNY' AND pick = 1 THEN value END) AS exports_cny,
       max(CASE WHEN indicator_code = 'exports' AND unit = 'USD' AND pick = 1 THEN value END) AS exports_usd,
       max(CASE WHEN indicator_code = 'exports' AND growth_pick = 1 THEN growth_pct END) AS exports_growth_pct,
       max(CASE WHEN indicator_code = 'imports' AND unit = 'CNY' AND pick = 1 THEN value END) AS imports_cny,
       max(CASE WHEN indicator_code = 'imports' AND unit = 'USD' AND pick = 1 THEN value END) AS imports_usd,
       max(CASE WHEN indicator_code = 'imports' AND growth_pick = 1 THEN growth_pct END) AS imports_growth_pct,
       max(CASE WHEN indicator_code = 'service_trade' AND unit = 'CNY' AND pick = 1 THEN value END) AS service_trade_cny,
       max(CASE WHEN indicator_code = 'service_trade' AND unit = 'USD' AND pick = 1 THEN value END) AS service_trade_usd,
       max(CASE WHEN indicator_code = 'fdi_actual' AND unit = 'CNY' AND pick = 1 THEN value END) AS fdi_actual_cny,
       max(CASE WHEN indicator_code = 'fdi_actual' AND unit = 'USD' AND pick = 1 THEN value END) AS fdi_actual_usd,
       max(CASE WHEN indicator_code = 'fdi_actual' AND growth_pick = 1 THEN growth_pct END) AS fdi_actual_growth_pct,
       count(DISTINCT doc) AS documents
FROM ranked
GROUP BY district, year
ORDER BY district, year
