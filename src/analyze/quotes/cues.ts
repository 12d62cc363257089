// The words that introduce reported speech in news ("said", "warned", "according to").
// Curated for news, including cues some peers miss (remark, hint, warn, label). Each lemma
// has a strength: how sure we are that it reports what someone said or holds, rather than
// something they did. Strength becomes the quote's confidence.

/** How a cue relates its source to the content. */
export type CueClass = 'speech' | 'cognition' | 'evidence';

export interface CueWord {
  lemma: string;
  cls: CueClass;
  /** 0..1: how reliably this word introduces an attribution. */
  strength: number;
}

// lemma:strength. Strengths are set by hand, guided by how often each word was a cue in
// PolNeAR's training split (never by dev); curated speech verbs rare there get about 0.7.
// The learned cue model (cue-model.ts) reads them as features.
const SPEECH = `say:.9 tell:.85 add:.8 write:.85 ask:.7 report:.7 announce:.8 note:.9 suggest:.8 tweet:.85
post:.5 describe:.8 argue:.85 explain:.85 declare:.75 acknowledge:.85 admit:.8 claim:.8
insist:.85 warn:.9 promise:.75 pledge:.6 vow:.9 reply:.85 respond:.65 reveal:.7
predict:.75 recall:.9 urge:.85 confirm:.7 deny:.65 indicate:.8 remark:.8 hint:.8 label:.7
mention:.65 comment:.7 observe:.7 stress:.7 emphasize:.7 emphasise:.7 concede:.8
contend:.8 assert:.8 allege:.8 complain:.8 lament:.8 boast:.8 joke:.8 quip:.8 testify:.75
reiterate:.8 repeat:.6 assure:.7 caution:.7 disclose:.7 proclaim:.8 exclaim:.8 muse:.7
speculate:.75 clarify:.7 brag:.8 tout:.7 accuse:.75 criticize:.8 criticise:.8 praise:.85
defend:.85 question:.8 counter:.75 retort:.85 dismiss:.8 reject:.8 blast:.9 slam:.8
decry:.8 condemn:.8 denounce:.85 threaten:.6 cite:.85 conclude:.75 agree:.6 propose:.5
recommend:.6 demand:.6 call:.6 inform:.6 signal:.6 charge:.5 concur:.7 protest:.6
estimate:.6 forecast:.6 project:.3 swear:.6 shout:.7 yell:.7 whisper:.7 scream:.7 chant:.6
opine:.8 theorize:.7 posit:.7 summarize:.7 elaborate:.6 specify:.6 tease:.5 taunt:.7
mock:.6 ridicule:.6 chide:.7 scold:.7 rebuke:.7 fault:.6 blame:.6 attack:.55 applaud:.7
commend:.7 hail:.6 endorse:.7 echo:.6 insinuate:.7 imply:.6 recount:.7 relate:.4 read:.3
continue:.55 refer:.6`;
const COGNITION = `believe:.5 think:.45 hope:.55 fear:.5 expect:.6 worry:.5 feel:.35 doubt:.5
suspect:.5 know:.3 want:.3 see:.3 view:.4 seem:.6 appear:.5 consider:.35 wonder:.6
envision:.5 acknowledge:.85 recognize:.4 realize:.4 understand:.3 insist:.85 plan:.3
support:.3 oppose:.45`;
const EVIDENCE = `show:.55 find:.45 suggest:.8 indicate:.8 reveal:.7 estimate:.6 project:.3`;

/** Single forms whose other forms are mostly nouns ("state", "states"). */
const FORMS_ONLY = `stated:.8 stating:.8`;

/** Past forms and participles that are not lemma + "ed". */
const IRREGULAR: Record<string, string[]> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  think: ['thought'],
  know: ['knew', 'known'],
  find: ['found'],
  show: ['shown'],
  see: ['saw', 'seen'],
  feel: ['felt'],
  read: [],
  swear: ['swore', 'sworn'],
  understand: ['understood'],
  forecast: ['forecast'],
};

/** Lexicon verbs whose final consonant doubles: "admitted", "slammed", "bragging". */
const DOUBLES = new Set(['admit', 'plan', 'quip', 'refer', 'concur', 'slam', 'brag', 'chat']);

/** Every inflected form of a verb lemma. */
export function inflect(lemma: string): string[] {
  const forms = new Set([lemma]);
  const es = /(?:s|sh|ch|x|z|o)$/.test(lemma) ? 'es' : 's';
  if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ies`);
  else forms.add(lemma + es);
  const stem = DOUBLES.has(lemma)
    ? lemma + lemma.at(-1)
    : lemma.endsWith('ie')
      ? lemma.slice(0, -2)
      : lemma.endsWith('e') && !lemma.endsWith('ee')
        ? lemma.slice(0, -1)
        : lemma;
  forms.add(lemma.endsWith('ie') ? `${stem}ying` : `${stem}ing`);
  const irregular = IRREGULAR[lemma];
  if (irregular) for (const f of irregular) forms.add(f);
  else if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ied`);
  else forms.add(lemma.endsWith('e') ? `${lemma}d` : `${stem}ed`);
  return [...forms];
}

function buildLexicon(): Map<string, CueWord> {
  const map = new Map<string, CueWord>();
  const add = (list: string, cls: CueClass) => {
    for (const entry of list.split(/\s+/).filter(Boolean)) {
      const [lemma, s] = entry.split(':');
      const cue = { lemma: lemma!, cls, strength: Number(s) };
      for (const form of inflect(lemma!)) {
        const old = map.get(form);
        // A speech verb stays a speech verb ("acknowledge", "insist") whatever else it is.
        if (!old || cls === 'speech' || old.strength < cue.strength) map.set(form, cue);
      }
    }
  };
  add(COGNITION, 'cognition');
  add(EVIDENCE, 'evidence');
  add(SPEECH, 'speech');
  for (const entry of FORMS_ONLY.split(/\s+/)) {
    const [form, s] = entry.split(':');
    map.set(form!, { lemma: form!, cls: 'speech', strength: Number(s) });
  }
  return map;
}

/** Every inflected cue form, lower case → its lemma, class and strength. */
export const CUE_WORDS: ReadonlyMap<string, CueWord> = buildLexicon();

/** Is this lower-cased word a form of a verb of speech ("said", "told", "added")? */
export const isSpeechWord = (lower: string): boolean => CUE_WORDS.get(lower)?.cls === 'speech';

/** Verb forms that are also common nouns or adjectives; a cue only after a subject. */
export const NOUN_LIKE = new Set([
  'report',
  'reports',
  'claim',
  'claims',
  'comment',
  'comments',
  'question',
  'questions',
  'call',
  'calls',
  'statement',
  'show',
  'shows',
  'view',
  'views',
  'plan',
  'plans',
  'support',
  'attack',
  'attacks',
  'post',
  'posts',
  'estimate',
  'estimates',
  'forecast',
  'project',
  'projects',
  'hope',
  'hopes',
  'fear',
  'fears',
  'doubt',
  'doubts',
  'warning',
  'promise',
  'promises',
  'demand',
  'demands',
  'charge',
  'charges',
  'state',
  'states',
  'counter',
  'echo',
  'read',
  'reading',
  'find',
  'finding',
  'findings',
  'blast',
  'slam',
  'protest',
  'protests',
  'fault',
  'blame',
  'stress',
  'signal',
  'signals',
  'reply',
  'tweet',
  'tweets',
  'label',
  'labels',
  'remark',
  'remarks',
  'quip',
  'joke',
  'jokes',
  'mention',
  'concern',
  'note',
  'notes',
  'word',
  'vow',
  'vows',
  'pledge',
  'pledges',
  'complaint',
  'praise',
  'defense',
  'response',
  'testimony',
  'speech',
  'cite',
]);
