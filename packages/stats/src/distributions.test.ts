import { describe, it } from 'vitest';
import { chiSquareCdf, chiSquareSf } from './chi-square-distribution';
import { expectClose } from './expect-close';
import { normalCdf, normalQuantile } from './normal-distribution';
import { studentTCdf, studentTQuantile, studentTSf } from './student-t-distribution';

/** Reference values: SciPy 1.17.1 (`from scipy import stats`), full double precision, unless marked as a
 *  published table. Tolerance: relative 1e-10 (the brief asks for 8 significant digits). */

interface Case {
  input: number[];
  expected: number;
  source: string;
}

const SCIPY = 'scipy 1.17.1';

// python3 -c "from scipy import stats; print(repr(stats.norm.cdf(x)))"
const normalCdfCases: Case[] = [
  [-37.5, 4.605353009581954e-308],
  [-10, 7.61985302416047e-24],
  [-5, 2.866515718791933e-7],
  [-1.959963984540054, 0.025],
  [-1, 0.15865525393145707],
  [-0.1, 0.460172162722971],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1.644853626951472, 0.95],
  [3, 0.9986501019683699],
  [8.2, 0.9999999999999999],
].map(([x, p]) => ({ input: [x], expected: p, source: `${SCIPY} stats.norm.cdf(${x})` }));

// python3 -c "from scipy import stats; print(repr(stats.norm.ppf(p)))"
const normalQuantileCases: Case[] = [
  [1e-300, -37.0470962993612],
  [1e-15, -7.941345326170998],
  [1e-6, -4.753424308822899],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400545],
  [0.05, -1.6448536269514729],
  [0.3, -0.5244005127080409],
  [0.5, 0],
  [0.8, 0.8416212335729143],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
].map(([p, x]) => ({ input: [p], expected: x, source: `${SCIPY} stats.norm.ppf(${p})` }));

// python3 -c "from scipy import stats; print(repr(stats.t.cdf(t, df)))"
const tCdfCases: Case[] = [
  [-2.5, 1, 0.12111894159084341],
  [0.7, 1.5, 0.7117808795586567],
  [-1.3, 2, 0.16162351590802015],
  [2.1, 3, 0.9367173987251577],
  [-4, 4.7, 0.005848639606636213],
  [-12, 7.3, 2.277892614785275e-6],
  [1.96, 30, 0.9703288435519748],
  [-2.2, 133.4, 0.014764266336176866],
  [-3.1, 5841.742032093565, 0.0009722076139711567],
  [2.0, 99999.5, 0.9772485182644978],
  [-2.5, 250000, 0.006209983029324587],
  [-6, 3e6, 9.867000543858257e-10],
  [-40, 12, 1.925614790386016e-14],
].map(([t, df, p]) => ({ input: [t, df], expected: p, source: `${SCIPY} stats.t.cdf(${t}, ${df})` }));

// python3 -c "from scipy import stats; print(repr(stats.t.ppf(p, df)))"
const tQuantileCases: Case[] = [
  [0.975, 1, 12.706204736174694],
  [0.025, 1.5, -6.016663104427933],
  [0.9, 2, 1.8856180831641272],
  [0.995, 3, 5.840909309733355],
  [1e-10, 4.7, -200.62943326433714],
  [0.975, 7.3, 2.345066736547703],
  [0.95, 30, 1.697260886593957],
  [0.975, 5841.742032093565, 1.9603701569544807],
  [0.025, 99999.5, -1.9599877076532268],
  [0.975, 250000, 1.9599734736701353],
  [0.999, 3e6, 3.0902350228796727],
  [1e-6, 2.5, -220.17342917823686],
  [0.975, 10, 2.228138851986274],
].map(([p, df, t]) => ({ input: [p, df], expected: t, source: `${SCIPY} stats.t.ppf(${p}, ${df})` }));

// python3 -c "from scipy import stats; print(repr(stats.chi2.sf(x, k)))"
const chiSquareSfCases: Case[] = [
  [3.841458820694124, 1, 0.04999999999999989],
  [0.5, 1, 0.47950012218695337],
  [18.181818181818183, 1, 2.007865612426481e-5],
  [5.991464547107979, 2, 0.05000000000000007],
  [12.5, 3, 0.005852662593326735],
  [0.01, 4, 0.9999875415886458],
  [40, 9, 7.598525229464264e-6],
  [150, 99, 0.0007204453957169282],
  [1e-6, 1, 0.9992021155721779],
].map(([x, k, p]) => ({ input: [x, k], expected: p, source: `${SCIPY} stats.chi2.sf(${x}, ${k})` }));

/** Published tables, to the digits they print. */
const tableCases: { name: string; actual: () => number; expected: number; decimals: number; source: string }[] = [
  {
    name: 'z 0.975',
    actual: () => normalQuantile(0.975),
    expected: 1.959963985,
    decimals: 9,
    source: 'Abramowitz & Stegun (1964) Table 26.5, percentage points of the normal distribution',
  },
  {
    name: 't 0.975, 10 df',
    actual: () => studentTQuantile(0.975, 10),
    expected: 2.228,
    decimals: 3,
    source: 'NIST/SEMATECH e-Handbook of Statistical Methods §1.3.6.7.2, critical values of t',
  },
  {
    name: 't 0.95, 30 df',
    actual: () => studentTQuantile(0.95, 30),
    expected: 1.697,
    decimals: 3,
    source: 'NIST/SEMATECH e-Handbook §1.3.6.7.2',
  },
  {
    name: 'chi-square upper 5% point, 1 df (3.841)',
    actual: () => chiSquareSf(3.841, 1),
    expected: 0.05,
    decimals: 3,
    source: 'NIST/SEMATECH e-Handbook §1.3.6.7.4, critical values of chi-square',
  },
  {
    name: 'chi-square upper 5% point, 9 df (16.919)',
    actual: () => chiSquareSf(16.919, 9),
    expected: 0.05,
    decimals: 4,
    source: 'NIST/SEMATECH e-Handbook §1.3.6.7.4',
  },
];

describe('normal distribution', () => {
  it.each(normalCdfCases)('Φ($input) = $expected ($source)', ({ input, expected }) => {
    expectClose(normalCdf(input[0]), expected);
  });
  it.each(normalQuantileCases)('Φ⁻¹($input) = $expected ($source)', ({ input, expected }) => {
    expectClose(normalQuantile(input[0]), expected, 1e-12);
  });
  it('inverts its own CDF across the range', () => {
    for (let p = 1e-12; p < 1; p = p < 0.01 ? p * 3 : p + 0.0137) expectClose(normalCdf(normalQuantile(p)), p, 1e-12);
  });
});

describe("Student's t distribution", () => {
  it.each(tCdfCases)('F($input) = $expected ($source)', ({ input, expected }) => {
    expectClose(studentTCdf(input[0], input[1]), expected);
  });
  it.each(tQuantileCases)('F⁻¹($input) = $expected ($source)', ({ input, expected }) => {
    expectClose(studentTQuantile(input[0], input[1]), expected);
  });
  it('keeps the upper tail accurate (no 1 − F cancellation)', () => {
    // scipy 1.17.1: stats.t.sf(40, 12) = 1.925614790386016e-14
    expectClose(studentTSf(40, 12), 1.925614790386016e-14);
  });
});

describe('chi-square distribution', () => {
  it.each(chiSquareSfCases)('Q($input) = $expected ($source)', ({ input, expected }) => {
    expectClose(chiSquareSf(input[0], input[1]), expected);
    expectClose(chiSquareCdf(input[0], input[1]), 1 - expected, 1e-10, 1e-15);
  });
});

describe('published tables', () => {
  it.each(tableCases)('$name ($source)', ({ actual, expected, decimals }) => {
    expectClose(actual(), expected, 0, 0.5 * 10 ** -decimals + 1e-15);
  });
});
