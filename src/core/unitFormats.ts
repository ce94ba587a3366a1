/**
 * How each Grafana unit id (units.ts) is written for people, without importing Grafana: its kind, its symbol and,
 * for scaled units, the power of its base. `unitFormats.test.ts` checks every entry against Grafana's own value
 * formats (the symbol Grafana writes for 1 of the unit), so a Grafana upgrade that changes a symbol fails a test.
 *
 * Kinds (format.ts writes them):
 *   fraction   percentunit: 0.0682 reads 6.82%               percent    percent 6.82 reads 6.82% (humidity: %H)
 *   currency   symbol before ($36, €1.2M) or after (12 kr)    duration   the largest readable unit: 47 min, 15 h
 *   plain      a number with a fixed prefix/suffix; 1,000 and more compact (1.5K req/s)
 *   si         SI prefixes on a symbol: 1.5 kW, 4.2 mV        binary     IEC prefixes: 1.5 KiB, 2.4 GiB
 *   unscored   dates, booleans, strings, hex, clock faces: not quantities a threshold can judge (refused by
 *              validation, so they never reach a scorecard)
 */
import { scoreMax } from './candorUnits';
import { own } from './own';

export type UnitFormat =
  | { kind: 'fraction' }
  | { kind: 'percent'; suffix: string }
  | { kind: 'currency'; symbol: string; after: boolean }
  /** `ms`: milliseconds per one of the unit (1e-6 for ns). */
  | { kind: 'duration'; ms: number }
  /** `sign`: positive values carry a `+` (an NPS); `singular`: the suffix for exactly 1 (` month`). */
  | { kind: 'plain'; prefix: string; suffix: string; integer: boolean; sign?: boolean; singular?: string }
  /** `power`: the unit's own SI prefix as a power of 1000 (kW: 1, mW: -1). */
  | { kind: 'si'; symbol: string; power: number }
  | { kind: 'binary'; symbol: string; power: number }
  | { kind: 'unscored'; why: string };

const FIXED: Record<string, string> = {
  none: '',
  short: '',
  locale: '',
  sci: '',
  dB: ' dB',
  dBm: ' dBm',
  pixel: ' px',
  accMS2: ' m/sec²',
  accFS2: ' f/sec²',
  accG: ' g',
  degree: ' °',
  radian: ' rad',
  grad: ' grad',
  arcmin: ' arcmin',
  arcsec: ' arcsec',
  areaM2: ' m²',
  areaF2: ' ft²',
  areaMI2: ' mi²',
  acres: ' ac',
  hectares: ' ha',
  ppm: ' ppm',
  conppb: ' ppb',
  conngm3: ' ng/m³',
  conngNm3: ' ng/Nm³',
  conμgm3: ' μg/m³',
  conμgNm3: ' μg/Nm³',
  conmgm3: ' mg/m³',
  conmgNm3: ' mg/Nm³',
  congm3: ' g/m³',
  congNm3: ' g/Nm³',
  conmgdL: ' mg/dL',
  conmmolL: ' mmol/L',
  flowgpm: ' gpm',
  flowcms: ' cms',
  flowcfs: ' cfs',
  flowcfm: ' cfm',
  litreh: ' L/h',
  flowlpm: ' L/min',
  flowmlpm: ' mL/min',
  lux: ' lux',
  masslb: ' lb',
  masst: ' t',
  lengthin: ' in',
  lengthft: ' ft',
  lengthmi: ' mi',
  pressurehpa: ' hPa',
  pressurekpa: ' kPa',
  pressurehg: ' "Hg',
  pressurepsi: ' psi',
  rotrpm: ' rpm',
  rotrads: ' rad/s',
  rotdegs: ' °/s',
  celsius: ' °C',
  fahrenheit: ' °F',
  kelvin: ' K',
  velocityms: ' m/s',
  velocitykmh: ' km/h',
  velocitymph: ' mph',
  velocityknot: ' kn',
  m3: ' m³',
  Nm3: ' Nm³',
  dm3: ' dm³',
  gallons: ' gal',
  cps: ' c/s',
  ops: ' ops/s',
  reqps: ' req/s',
  rps: ' rd/s',
  wps: ' wr/s',
  iops: ' io/s',
  eps: ' evt/s',
  mps: ' msg/s',
  recps: ' rec/s',
  rowsps: ' rows/s',
  cpm: ' c/m',
  opm: ' ops/m',
  reqpm: ' req/m',
  rpm: ' rd/m',
  wpm: ' wr/m',
  epm: ' evts/m',
  mpm: ' msgs/m',
  recpm: ' rec/m',
  rowspm: ' rows/m',
};

/** `[symbol, power]` per SI-scaled unit. */
const SI: Record<string, [string, number]> = {
  sishort: ['', 0],
  candela: ['cd', 0],
  flops: ['FLOPS', 0],
  mflops: ['FLOPS', 2],
  gflops: ['FLOPS', 3],
  tflops: ['FLOPS', 4],
  pflops: ['FLOPS', 5],
  eflops: ['FLOPS', 6],
  zflops: ['FLOPS', 7],
  yflops: ['FLOPS', 8],
  decbytes: ['B', 0],
  decbits: ['b', 0],
  deckbytes: ['B', 1],
  decmbytes: ['B', 2],
  decgbytes: ['B', 3],
  dectbytes: ['B', 4],
  decpbytes: ['B', 5],
  pps: ['p/s', 0],
  Bps: ['B/s', 0],
  bps: ['b/s', 0],
  KBs: ['B/s', 1],
  Kbits: ['b/s', 1],
  MBs: ['B/s', 2],
  Mbits: ['b/s', 2],
  GBs: ['B/s', 3],
  Gbits: ['b/s', 3],
  TBs: ['B/s', 4],
  Tbits: ['b/s', 4],
  PBs: ['B/s', 5],
  Pbits: ['b/s', 5],
  watt: ['W', 0],
  kwatt: ['W', 1],
  megwatt: ['W', 2],
  gwatt: ['W', 3],
  mwatt: ['W', -1],
  Wm2: ['W/m²', 0],
  voltamp: ['VA', 0],
  kvoltamp: ['VA', 1],
  voltampreact: ['VAr', 0],
  kvoltampreact: ['VAr', 1],
  watth: ['Wh', 0],
  watthperkg: ['Wh/kg', 0],
  kwatth: ['Wh', 1],
  kwattm: ['W-Min', 1],
  mwatth: ['Wh', 2],
  amph: ['Ah', 0],
  kamph: ['Ah', 1],
  mamph: ['Ah', -1],
  joule: ['J', 0],
  ev: ['eV', 0],
  amp: ['A', 0],
  kamp: ['A', 1],
  mamp: ['A', -1],
  volt: ['V', 0],
  kvolt: ['V', 1],
  mvolt: ['V', -1],
  mohm: ['Ω', -1],
  ohm: ['Ω', 0],
  kohm: ['Ω', 1],
  Mohm: ['Ω', 2],
  farad: ['F', 0],
  µfarad: ['F', -2],
  nfarad: ['F', -3],
  pfarad: ['F', -4],
  ffarad: ['F', -5],
  henry: ['H', 0],
  mhenry: ['H', -1],
  µhenry: ['H', -2],
  lumens: ['Lm', 0],
  forceNm: ['Nm', 0],
  forcekNm: ['Nm', 1],
  forceN: ['N', 0],
  forcekN: ['N', 1],
  Hs: ['H/s', 0],
  KHs: ['H/s', 1],
  MHs: ['H/s', 2],
  GHs: ['H/s', 3],
  THs: ['H/s', 4],
  PHs: ['H/s', 5],
  EHs: ['H/s', 6],
  massmg: ['g', -1],
  massg: ['g', 0],
  masskg: ['g', 1],
  lengthmm: ['m', -1],
  lengthm: ['m', 0],
  lengthkm: ['m', 1],
  pressurembar: ['bar', -1],
  pressurebar: ['bar', 0],
  pressurekbar: ['bar', 1],
  pressurepa: ['Pa', 0],
  radbq: ['Bq', 0],
  radci: ['Ci', 0],
  radgy: ['Gy', 0],
  radrad: ['rad', 0],
  radsv: ['Sv', 0],
  radmsv: ['Sv', -1],
  radusv: ['Sv', -2],
  radrem: ['rem', 0],
  radexpckg: ['C/kg', 0],
  radr: ['R', 0],
  radsvh: ['Sv/h', 0],
  radmsvh: ['Sv/h', -1],
  radusvh: ['Sv/h', -2],
  rothz: ['Hz', 0],
  rotkhz: ['Hz', 1],
  rotmhz: ['Hz', 2],
  rotghz: ['Hz', 3],
  hertz: ['Hz', 0],
  mlitre: ['L', -1],
  litre: ['L', 0],
};

const BINARY: Record<string, [string, number]> = {
  bytes: ['B', 0],
  bits: ['b', 0],
  kbytes: ['B', 1],
  mbytes: ['B', 2],
  gbytes: ['B', 3],
  tbytes: ['B', 4],
  pbytes: ['B', 5],
  binBps: ['B/s', 0],
  binbps: ['b/s', 0],
  KiBs: ['B/s', 1],
  Kibits: ['b/s', 1],
  MiBs: ['B/s', 2],
  Mibits: ['b/s', 2],
  GiBs: ['B/s', 3],
  Gibits: ['b/s', 3],
  TiBs: ['B/s', 4],
  Tibits: ['b/s', 4],
  PiBs: ['B/s', 5],
  Pibits: ['b/s', 5],
};

/** Currency symbols as Grafana writes them; `kr`, `đ` and `₺` follow the number. */
const CURRENCY: Record<string, string> = {
  USD: '$',
  GBP: '£',
  EUR: '€',
  JPY: '¥',
  RUB: '₽',
  UAH: '₴',
  BRL: 'R$',
  DKK: 'kr',
  ISK: 'kr',
  NOK: 'kr',
  SEK: 'kr',
  CZK: 'czk',
  CHF: 'CHF',
  PLN: 'PLN',
  BTC: '฿',
  mBTC: 'mBTC',
  μBTC: 'μBTC',
  ZAR: 'R',
  INR: '₹',
  KRW: '₩',
  IDR: 'Rp',
  PHP: 'PHP',
  VND: 'đ',
  TRY: '₺',
  MYR: 'RM',
  XPF: 'XPF',
  BGN: 'BGN',
  PYG: '₲',
  UYU: 'UYU',
  ILS: '₪',
};
const SYMBOL_AFTER = new Set(['kr', 'đ', '₺']);

/** Milliseconds per one of each duration unit. */
const DURATION_MS: Record<string, number> = {
  ns: 1e-6,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  dtdurationms: 1,
  dtdurations: 1000,
  timeticks: 10,
};

const UNSCORED = /^(string|hex0x|hex|dateTime\w*|dthms|dtdhms|clockms|clocks|bool\w*|time:.*)$/;

/** The format of a unit id; an unknown id reads as a plain number followed by the id. */
export function unitFormat(unit: string): UnitFormat {
  const candor = candorFormat(unit);
  if (candor) {
    return candor;
  }
  if (unit === 'percentunit') {
    return { kind: 'fraction' };
  }
  if (unit === 'percent' || unit === 'humidity') {
    return { kind: 'percent', suffix: unit === 'percent' ? '%' : ' %H' };
  }
  if (UNSCORED.test(unit)) {
    return { kind: 'unscored', why: `${unit} is not a quantity a threshold can judge` };
  }
  const custom = /^(suffix|prefix|si|count|currency|locale):(.+)$/.exec(unit);
  if (custom) {
    const [, kind, text] = custom;
    if (kind === 'currency') {
      return { kind: 'currency', symbol: text, after: false };
    }
    if (kind === 'si') {
      return { kind: 'si', symbol: text, power: 0 };
    }
    if (kind === 'prefix') {
      return { kind: 'plain', prefix: text, suffix: '', integer: false };
    }
    return { kind: 'plain', prefix: '', suffix: kind === 'locale' ? '' : ` ${text}`, integer: kind === 'count' };
  }
  const symbol = unit.startsWith('currency') ? own(CURRENCY, unit.slice('currency'.length)) : undefined;
  if (symbol !== undefined) {
    return { kind: 'currency', symbol, after: SYMBOL_AFTER.has(symbol) };
  }
  const ms = own(DURATION_MS, unit);
  if (ms !== undefined) {
    return { kind: 'duration', ms };
  }
  const fixed = own(FIXED, unit);
  if (fixed !== undefined) {
    return { kind: 'plain', prefix: '', suffix: fixed, integer: false };
  }
  const si = own(SI, unit);
  if (si) {
    return { kind: 'si', symbol: si[0], power: si[1] };
  }
  const binary = own(BINARY, unit);
  if (binary) {
    return { kind: 'binary', symbol: binary[0], power: binary[1] };
  }
  return { kind: 'plain', prefix: '', suffix: unit === '' ? '' : ` ${unit}`, integer: false };
}

/** Candor's own units (candorUnits.ts): 3.2:1, 8.5/10, +67, 8 months. */
function candorFormat(unit: string): UnitFormat | undefined {
  const max = scoreMax(unit);
  if (max !== undefined) {
    return { kind: 'plain', prefix: '', suffix: `/${max}`, integer: false };
  }
  switch (unit) {
    case 'ratio':
      return { kind: 'plain', prefix: '', suffix: ':1', integer: false };
    case 'nps':
      return { kind: 'plain', prefix: '', suffix: '', integer: true, sign: true };
    case 'months':
      return { kind: 'plain', prefix: '', suffix: ' months', integer: false, singular: ' month' };
    default:
      return undefined;
  }
}
