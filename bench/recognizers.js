// Microsoft Recognizers-Text (JavaScript) over paragraphs, for bench/run.py:
// the number, percentage, currency and dimension models of culture zh-cn,
// each built once, parse one paragraph at a time. Input: one JSON string a line.
const fs = require('fs');
const S = require('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const culture = S.Culture.Chinese;
const t0 = process.hrtime.bigint();
const models = [
  new NumberRecognizer(culture).getNumberModel(),
  new NumberRecognizer(culture).getPercentageModel(),
  new NumberWithUnitRecognizer(culture).getCurrencyModel(),
  new NumberWithUnitRecognizer(culture).getDimensionModel(),
];
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const t1 = process.hrtime.bigint();
let bytes = 0, found = 0;
for (const p of lines) {
  bytes += Buffer.byteLength(p, 'utf8') + 1;
  for (const m of models) found += m.parse(p).length;
}
const t2 = process.hrtime.bigint();
const secs = Number(t2 - t1) / 1e9;
console.log(`recognizers: paragraphs=${lines.length} mb=${(bytes / 1e6).toFixed(3)} results=${found} load_s=${(Number(t1 - t0) / 1e9).toFixed(2)} secs=${secs.toFixed(2)} mb_s=${(bytes / 1e6 / secs).toFixed(4)} results_s=${(found / secs).toFixed(0)} rss_mb=${(process.memoryUsage().rss / 1048576).toFixed(0)}`);
