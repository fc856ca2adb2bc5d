/**
 * A deterministic generator of realistic sales for benchmarks: every channel,
 * ages 0–90, every product line and kind, risk levels and tolerances, sums at
 * and around the caps, minors insured by parents, recordings, verifications
 * and declarations present or missing. Same seed, same sales.
 */
const CHANNELS = ['agent', 'broker', 'part-time-agent', 'bancassurance', 'telephone', 'internet', 'direct'];
const PRODUCTS = [
  ['life', 'term-life', 240], ['life', 'whole-life', 'whole-life'], ['life', 'endowment', 120], ['life', 'annuity', 360],
  ['life', 'participating', 240], ['life', 'universal', 'whole-life'], ['life', 'unit-linked', 120], ['life', 'variable', 180],
  ['health', 'critical-illness', 'whole-life'], ['health', 'medical', 12], ['health', 'long-term-care', 240],
  ['accident', 'accident', 12], ['property', 'property-damage', 12], ['liability', 'liability', 12], ['credit', 'credit', 36],
];
const CAPS = [50_000, 199_999, 200_000, 200_001, 499_999, 500_000, 500_001, 999_999, 1_000_000, 1_000_001, 2_000_000];
const CHECKS = ['identity', 'contact', 'health-underwriting', 'income-premium', 'risk-tolerance', 'financial-status'];

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');

/** Generates `count` sales from `seed`. */
export function* generateSales(count, seed = 1) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const chance = (p) => r() < p;
  for (let i = 0; i < count; i++) {
    const signYear = 2025 + Math.floor(r() * 2);
    const signMonth = 1 + Math.floor(r() * 12);
    const signDay = 1 + Math.floor(r() * 28);
    const signed = `${signYear}-${pad(signMonth)}-${pad(signDay)}`;
    const at = (daysBefore, hour = 10) => {
      const d = new Date(Date.UTC(signYear, signMonth - 1, signDay - daysBefore));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:00:00+08:00`;
    };
    const age = Math.floor(r() * 91);
    const birth = `${signYear - age - 1}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
    const [line, kind, termMonths] = pick(PRODUCTS);
    const minorInsured = chance(0.2);
    const insuredAge = minorInsured ? Math.floor(r() * 18) : age;
    const insuredBirth = minorInsured ? `${signYear - insuredAge - 1}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}` : birth;
    const sale = {
      id: `S-${seed}-${i}`,
      signedAt: `${signed}T10:00:00+08:00`,
      channel: pick(CHANNELS),
      channelLicensed: chance(0.97),
      applicant: {
        kind: chance(0.97) ? 'person' : 'organization',
        birthDate: birth,
        civilCapacity: chance(0.98) ? 'full' : pick(['limited', 'none']),
        riskTolerance: chance(0.95) ? { level: 1 + Math.floor(r() * 5), assessedAt: at(Math.floor(r() * 400)) } : undefined,
        annualHouseholdIncome: Math.floor(50_000 + r() * 950_000),
        premiumBudget: Math.floor(2_000 + r() * 100_000),
      },
      insured: minorInsured
        ? { kind: 'person', birthDate: insuredBirth, civilCapacity: insuredAge < 8 ? 'none' : 'limited', relationToApplicant: 'child' }
        : { kind: 'person', birthDate: birth, civilCapacity: 'full', relationToApplicant: chance(0.8) ? 'self' : 'spouse', consentToDeathCover: chance(0.95) },
      product: {
        code: `${kind.toUpperCase()}-${Math.floor(r() * 5)}`,
        line,
        kind,
        riskLevel: 1 + Math.floor(r() * 5),
        termMonths,
        deathBenefit: line === 'life' || chance(0.3),
        guaranteedRenewable: chance(0.2),
        coolingOffDays: pick([10, 15, 15, 20]),
      },
      sumInsured: pick(CAPS),
      premium: chance(0.3)
        ? { amount: Math.floor(10_000 + r() * 2_000_000), mode: 'single', paymentYears: 1 }
        : { amount: Math.floor(500 + r() * 60_000), mode: pick(['annual', 'monthly', 'quarterly', 'semiannual']), paymentYears: 1 + Math.floor(r() * 30) },
      existingMinorDeathCover: minorInsured ? pick([0, 50_000, 150_000, 400_000]) : undefined,
      salesperson: line === 'internet' ? undefined : {
        licensed: chance(0.97),
        licenseValidUntil: `${signYear + (chance(0.95) ? 1 : -1)}-12-31`,
        authorizedScope: chance(0.9) ? [line] : ['property'],
        productTrainingAt: at(chance(0.95) ? 60 : -1),
      },
      steps: [
        { step: 'needs-assessment', at: at(20) },
        { step: 'recommendation', at: at(10) },
        { step: 'risk-warning', at: at(5) },
        { step: 'signature', at: at(0) },
      ],
      recording: chance(0.9) ? { audioVideo: chance(0.9), consent: chance(0.95), audio: chance(0.5) } : undefined,
      verification: CHECKS.map((check) => ({ check, at: at(2), result: chance(0.97) ? 'passed' : 'failed' })),
      declarations: chance(0.4) ? [{ type: pick(['uncertain-benefit', 'informed-choice', 'continue-despite-advice']), signedAt: at(1), signedBy: chance(0.9) ? 'applicant' : 'salesperson' }] : [],
      suitabilityConcerns: chance(0.9) ? [] : ['needs-mismatch'],
      recommendedBySeller: chance(0.5),
      specialCareMeasures: age >= 65 && chance(0.8) ? ['more-time'] : [],
    };
    yield JSON.parse(JSON.stringify(sale)); // drop undefined fields, as records arrive over the wire
  }
}
