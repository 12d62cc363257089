import { describe, expect, it } from 'vitest';
import { guessLanguage, primaryLanguage } from './guess-language.js';

// Sentences written for this test, in the shape of news ledes.
const LEDES: Record<string, string> = {
  en: 'The city council voted on Tuesday to extend the bus lanes on the main road until next spring.',
  de: 'Der Stadtrat hat am Dienstag beschlossen, die Busspuren auf der Hauptstraße bis zum Frühjahr zu verlängern.',
  fr: 'Le conseil municipal a voté mardi la prolongation des voies de bus sur la route principale jusqu’au printemps.',
  es: 'El ayuntamiento aprobó el martes ampliar los carriles de autobús en la avenida principal hasta la primavera.',
  pt: 'A câmara municipal aprovou na terça-feira a extensão das faixas de ônibus na avenida principal até a primavera.',
  it: 'Il consiglio comunale ha approvato martedì il prolungamento delle corsie degli autobus sulla strada principale.',
  nl: 'De gemeenteraad heeft dinsdag besloten de busbanen op de hoofdweg tot het voorjaar te verlengen.',
  ru: 'Городской совет во вторник проголосовал за продление автобусных полос на главной улице до весны.',
  zh: '市议会周二投票决定，将主干道上的公交专用道延长至明年春天。',
  ar: 'صوّت مجلس المدينة يوم الثلاثاء على تمديد ممرات الحافلات في الطريق الرئيسي حتى الربيع المقبل.',
};

describe('guessLanguage', () => {
  for (const [lang, text] of Object.entries(LEDES)) {
    it(`recognises ${lang}`, () => expect(guessLanguage(text)).toBe(lang));
  }

  it('returns null for text too short or without letters to judge', () => {
    expect(guessLanguage('OK')).toBeNull();
    expect(guessLanguage('2024-05-01 12:00 1,545,160')).toBeNull();
    expect(guessLanguage('')).toBeNull();
    expect(guessLanguage('Donald Trump')).toBeNull();
  });
});

describe('primaryLanguage', () => {
  it('keeps the primary subtag', () => {
    expect(primaryLanguage('en-US')).toBe('en');
    expect(primaryLanguage('pt_BR')).toBe('pt');
    expect(primaryLanguage('')).toBeNull();
  });
});
