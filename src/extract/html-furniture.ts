// Recognizes page furniture by its words alone: buttons and labels, date lines, bylines,
// photo credits, reporting credits, promos and legal lines, in several languages. Each test
// looks at one line of the body, so it holds on any site.
import { wordCount } from './html-blocks.js';

/** What kind of furniture a line is. */
export type FurnitureKind = 'ui' | 'date' | 'byline' | 'credit' | 'promo' | 'legal';

/** Lines longer than this are prose, whatever words they use. */
const MAX_UI_WORDS = 8;
/** A date line with its labels ("Updated 1:39 am EST, Wednesday, November 20, 2019"). */
const MAX_DATE_WORDS = 16;
/** "By Ann Lee and Bo Park, Associated Press" and the like. */
const MAX_BYLINE_WORDS = 20;
/** Photo credits are short; a longer line naming an agency is prose about it. */
const MAX_CREDIT_WORDS = 16;
/** Promos and legal notes are a sentence or two. */
const MAX_PROMO_WORDS = 45;

/** Words of buttons, labels and widgets, in several languages. A line of only these is UI. */
const UI_WORDS = new Set(
  (
    'sign in up out log login logout register subscribe subscriber subscribers services ' +
    'subscription menu search share shares tweet submit email e mail print comments comment ' +
    'post reply replies advertisement advertisements advert ad ads sponsored anzeige werbung ' +
    'publicidad publicidade publicité publicite pubblicità pubblicita iklan реклама 광고 広告 ' +
    'read more continue reading below show load loading content skip to back top close ' +
    'enlarge image images photo photos gallery video videos watch listen audio text size ' +
    'order reprints reprint article view author archive the facebook twitter whatsapp ' +
    'pinterest pint linkedin reddit instagram youtube telegram flipboard messenger copy link ' +
    'links baixar download breaking news latest popular trending highlights related ' +
    'recent articles this week on of x click here next previous prev toggle expand collapse ' +
    'open caption hide bookmark save saved follow us leia mais compartilhe compartir ' +
    'partager teilen condividi drucken imprimir imprimer kommentare comentarios comentários ' +
    'commentaires commenti icon home accept by learn'
  ).split(' '),
);

const MONTHS =
  'jan(?:uary|vier|uar|eiro)?|feb(?:ruary|ruar)?|f[eé]v(?:rier|ereiro)?|mar(?:ch|s|zo|ço|co)?|märz|' +
  'apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai(?:o)?|mayo|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|ho)?|' +
  'juil(?:let)?|aug(?:ust)?|ago(?:sto)?|ao[uû]t|sep(?:t(?:ember|embre|iembre)?)?|set(?:embro|tembre)?|' +
  'oct(?:ober|obre|ubre)?|okt(?:ober)?|outubro|ott(?:obre)?|nov(?:ember|embre|iembre|embro)?|' +
  'dec(?:ember)?|d[eé]c(?:embre)?|dez(?:ember|embro)?|dic(?:iembre|embre)?|gen(?:naio)?|mei|agustus|' +
  'maret|januari|februari|juni|juli|oktober|desember|' +
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const WEEKDAYS =
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|' +
  'sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|' +
  'mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|' +
  'domingo|segunda|terça|quarta|quinta|sexta|feira|lunedì|martedì|mercoledì|giovedì|venerdì|' +
  'sabato|domenica';
/** Words that may stand around a date in a date line. */
const DATE_LABELS =
  'updated|update|published|posted|last|modified|original|originally|first|created|on|at|' +
  'am|pm|a\\.m|p\\.m|today|yesterday|ago|hours?|minutes?|mins?|days?|de|às|as|um|le|à|il|alle|' +
  'el|del|of|the|et|e|y|und|publicado|atualizado|actualizado|pubblicato|aggiornato|' +
  'veröffentlicht|aktualisiert|publié|mis|jour|diperbarui|dipublikasikan|time|date|utc|gmt';
const MONTH_RE = new RegExp(`^(?:${MONTHS})\\.?$`, 'i');
const DATE_WORD_RE = new RegExp(`^(?:${MONTHS}|${WEEKDAYS}|${DATE_LABELS})\\.?$`, 'i');
/** A time zone abbreviation such as EST, CEST or AMT. */
const ZONE_RE = /^[A-Z]{2,5}$/;
const NUMERIC_DATE_RE = /\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;
const TIME_RE = /\d{1,2}:\d{2}/;

/** A byline: "By …" and its equivalents, then names. */
const BYLINE_RE =
  /^(?:by|von|por|par|di|door|av|af|oleh|written by|words by|text:|texto:|reportage:)\s+\S/i;
/** Photo and image credits. */
const CREDIT_RE =
  /getty images|\bap photo\b|shutterstock|\bistock\b|\bafp\b.*\/|\/\s*(?:afp|reuters|epa|ap)\b|\b(?:image|photo|picture|foto|bild|fotó|credit|crédito|credito|source|quelle|fonte)s?\s*(?:copyright|credit)?\s*:|^\(?(?:image|photo|picture|foto|credit)s?\b.*(?:©|\)$)|image copyright|©|\bvia\s+\S+$/i;
/** Reporting credits that close wire and newspaper stories. */
const REPORTING_RE =
  /^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|translated|produced|research) by\b|contributed (?:reporting|to this (?:report|story|article))|^additional reporting\b|^\(?with reporting\b/i;
/** Calls to subscribe, sign up, follow, share or download, phrased as promos are. */
const PROMO_RE =
  /\b(?:sign up (?:for|to|here|now|today)|subscribe (?:to|now|today|here|for)|(?:our|free|daily|weekly|email) newsletters?\b|your inbox|delivered (?:to you|weekday|daily|every)|breaking news alerts|want more (?:stories|news|articles)|if you enjoyed this (?:article|story|post)|get the (?:\S+ ){0,3}app\b|download (?:our|the) (?:\S+ ){0,2}app|click here|join our\b|follow (?:us|@)|\bfollow\b[^.]{0,60}\b(?:on|at) (?:twitter|facebook|instagram|youtube|linkedin|tiktok)\b|^(?:follow|listen|download|reach|more|see|watch|subscribe|find)\b[^.]{0,80}https?:\/\/|like this story|share (?:it|this story) with|tell us what you think|uses cookies|cookie policy|affiliate (?:links?|commission)|may earn (?:a|an) (?:small )?(?:affiliate )?commission|requires javascript|enable javascript|support (?:our|independent) journalism|on the go by clicking|have a (?:news )?tip\b|let us know at|keep talking|listen (?:live|back)|continue reading|leia também|inscreva-se|abonnieren sie|abonnez-vous|suscríbete|iscriviti|подпишитесь)/i;
/** Captions that end in their credit: "… of Titan. (NASA/JPL-Caltech/ASU)". */
const CAPTION_CREDIT_RE = /\((?:(?:image |photo )?credits?:[^()]*|[^()]*\/[^()]*)\)$/i;
/** Most captions are a sentence or two. */
const MAX_CAPTION_WORDS = 45;
/** "Posted by …", "Publicado por: …": a line of post metadata. */
const POSTED_BY_RE =
  /\b(?:posted|published|written|publicado|publicada|pubblicato|veröffentlicht|publié|diposting) (?:by|por|da|von|par|oleh)\b/i;
/** The comment section's rules. */
const COMMENT_RULES_RE =
  /\b(?:comments?|comentários|comentarios|commentaires|commenti|kommentare)\b.{0,80}\b(?:moderat|aprovad|approv)|\bmoderat\w*\b.{0,40}\bcomments?\b/i;
/** Copyright and legal lines. */
const LEGAL_RE =
  /^(?:copyright|\(c\)|©|ⓒ)|all rights reserved|alle rechte vorbehalten|todos os direitos|todos los derechos|tous droits|tutti i diritti|무단전재|無断転載|版权所有|subject to copyright|without (?:the )?written permission|^citation:/i;
/** Lines that file the story under tags or categories. */
const TAGS_RE =
  /^(?:tags?|tagged|filed under|posted in|categor(?:y|ies)|schlagwörter|themen|etiquetas|categoria|argomenti|темы|теги)\b\s*:?/i;

const tokens = (text: string) => text.match(/[\p{L}\p{N}_.@'’:]+/gu) ?? [];

function isUiLine(text: string): boolean {
  const words = tokens(text.toLowerCase()).map((w) => w.replace(/[.:'’]+$/, ''));
  if (words.length === 0 || words.length > MAX_UI_WORDS) return false;
  const named = words.filter((w) => !/^\d+$/.test(w));
  return named.length > 0 && named.every((w) => UI_WORDS.has(w));
}

/** An e-mail address or a profile link on a line of its own: a way to reach the author. */
function isContactLine(text: string): boolean {
  return /^[\w.+-]+@[\w-]+\.[\w.]+$|^(?:twitter|facebook|instagram)\.com\/\S+$/i.test(text);
}

/** A line made of a date, a time and their labels, with at most one other word. */
export function isDateLine(text: string): boolean {
  const words = tokens(text).map((w) => w.replace(/[.:,'’]+$/, ''));
  if (words.length === 0 || words.length > MAX_DATE_WORDS) return false;
  let month = false;
  let numbers = 0;
  let labels = 0;
  let other = 0;
  for (const w of words) {
    if (/^\d[\d.:/-]*(?:st|nd|rd|th|h)?$/i.test(w)) numbers++;
    else if (MONTH_RE.test(w)) month = true;
    else if (DATE_WORD_RE.test(w) || ZONE_RE.test(w)) {
      if (!/^(?:[ap]\.?m|utc|gmt)$/i.test(w)) labels++;
    } else other++;
  }
  // A bare clock time ("4:14 p.m.") heads a live-blog entry; it needs a label to be a date line.
  const dated =
    (month && numbers > 0) || NUMERIC_DATE_RE.test(text) || (TIME_RE.test(text) && labels > 0);
  return dated && other <= (words.length >= 4 ? 1 : 0);
}

/** "By Ann Lee | Nov 18, 2019": a By-word, then mostly capitalized names. */
function isBylineLine(text: string): boolean {
  if (!BYLINE_RE.test(text) || /[.!?]["”’]?$/.test(text)) return false;
  const rest = tokens(text).slice(1);
  const named = rest.filter((w) => /^[\p{Lu}\d@]/u.test(w)).length;
  return rest.length > 0 && named >= rest.length * 0.6;
}

/** What kind of furniture a line of the body is, or null for prose. */
export function furnitureKind(text: string): FurnitureKind | null {
  const words = wordCount(text);
  if (isUiLine(text) || isContactLine(text)) return 'ui';
  if (isDateLine(text)) return 'date';
  if (words <= MAX_BYLINE_WORDS && isBylineLine(text)) return 'byline';
  if (REPORTING_RE.test(text) && words <= MAX_PROMO_WORDS) return 'credit';
  if (words <= MAX_CREDIT_WORDS && CREDIT_RE.test(text)) return 'credit';
  if (words <= MAX_CAPTION_WORDS && CAPTION_CREDIT_RE.test(text)) return 'credit';
  if (words <= MAX_PROMO_WORDS && POSTED_BY_RE.test(text)) return 'byline';
  if (words <= MAX_PROMO_WORDS && (LEGAL_RE.test(text) || COMMENT_RULES_RE.test(text)))
    return 'legal';
  if (words <= MAX_PROMO_WORDS && TAGS_RE.test(text)) return 'legal';
  if (words <= MAX_PROMO_WORDS && PROMO_RE.test(text)) return 'promo';
  return null;
}
