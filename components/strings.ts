// UI text of the cards, lists and search boxes, in English, French and Chinese. One table for
// the extension and the widget; `stringsFor` follows the reader's language.
export interface UiStrings {
  keyPoints: string;
  related: string;
  source: string;
  reviewed: string;
  disclaimer: string;
  matched: string;
  close: string;
  back: string;
  foundTerms: string;
  otherMatches: string;
  language: string;
  search: string;
  searchPlaceholder: string;
  noResults: string;
  results: string;
  /** How a list names a finding the note does not assert as the patient's, now, for sure; {t} is the entry's title. */
  asserted: Record<'negated' | 'possible' | 'historical' | 'hypothetical' | 'other', string>;
  /** Words for a threshold a measurement met: "below 90%". */
  thresholdOps: Record<'<' | '<=' | '>' | '>=', string>;
  years: string;
  weeks: string;
  /** Shown on a card whose text in this language no clinician reading it has checked yet. */
  unreviewedTranslation: string;
}

const en: UiStrings = {
  keyPoints: 'Key points',
  related: 'Related',
  source: 'Source',
  reviewed: 'Reviewed',
  disclaimer: 'Supports, not replaces, clinical judgement.',
  matched: 'Matched',
  close: 'Close',
  back: 'Back to the list',
  foundTerms: 'Terms found',
  otherMatches: 'Other meanings',
  language: 'Language',
  search: 'Search guidance',
  searchPlaceholder: 'Search a term: HFNC, dexamethasone…',
  noResults: 'No guidance found.',
  results: 'Results',
  asserted: { negated: 'no {t}', possible: 'possible {t}', historical: 'history: {t}', hypothetical: 'if: {t}', other: 'family or contact: {t}' },
  thresholdOps: { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least' },
  years: 'years',
  weeks: 'weeks',
  unreviewedTranslation: 'This translation has not yet been clinically reviewed.',
};

const fr: UiStrings = {
  keyPoints: 'Points clés',
  related: 'Voir aussi',
  source: 'Source',
  reviewed: 'Revu le',
  disclaimer: 'Aide au jugement clinique, sans le remplacer.',
  matched: 'Trouvé',
  close: 'Fermer',
  back: 'Retour à la liste',
  foundTerms: 'Termes trouvés',
  otherMatches: 'Autres sens',
  language: 'Langue',
  search: 'Rechercher',
  searchPlaceholder: 'Rechercher un terme : OHD, dexaméthasone…',
  noResults: 'Aucune fiche trouvée.',
  results: 'Résultats',
  asserted: { negated: 'absent : {t}', possible: 'possible : {t}', historical: 'antécédent : {t}', hypothetical: 'si : {t}', other: 'entourage : {t}' },
  thresholdOps: { '<': 'sous', '<=': 'au plus', '>': 'au-dessus de', '>=': 'au moins' },
  years: 'ans',
  weeks: 'semaines',
  unreviewedTranslation: "Cette traduction n'a pas encore été relue par un clinicien.",
};

const zh: UiStrings = {
  keyPoints: '要点',
  related: '相关条目',
  source: '来源',
  reviewed: '审核日期',
  disclaimer: '仅供辅助临床判断，不能替代临床判断。',
  matched: '匹配',
  close: '关闭',
  back: '返回列表',
  foundTerms: '找到的术语',
  otherMatches: '其他含义',
  language: '语言',
  search: '搜索指南',
  searchPlaceholder: '搜索术语：高流量、地塞米松…',
  noResults: '未找到相关指南。',
  results: '结果',
  asserted: { negated: '无：{t}', possible: '可能：{t}', historical: '既往：{t}', hypothetical: '假设：{t}', other: '他人：{t}' },
  thresholdOps: { '<': '低于', '<=': '不高于', '>': '高于', '>=': '不低于' },
  years: '岁',
  weeks: '周',
  unreviewedTranslation: '此译文尚未经临床人员审校。',
};

const pt: UiStrings = {
  keyPoints: 'Pontos-chave',
  related: 'Ver também',
  source: 'Fonte',
  reviewed: 'Revisto em',
  disclaimer: 'Apoia o juízo clínico, não o substitui.',
  matched: 'Encontrado',
  close: 'Fechar',
  back: 'Voltar à lista',
  foundTerms: 'Termos encontrados',
  otherMatches: 'Outros sentidos',
  language: 'Língua',
  search: 'Pesquisar orientações',
  searchPlaceholder: 'Pesquisar um termo: CNAF, dexametasona…',
  noResults: 'Nenhuma orientação encontrada.',
  results: 'Resultados',
  asserted: { negated: 'ausente: {t}', possible: 'possível: {t}', historical: 'antecedente: {t}', hypothetical: 'se: {t}', other: 'família ou contacto: {t}' },
  thresholdOps: { '<': 'abaixo de', '<=': 'no máximo', '>': 'acima de', '>=': 'pelo menos' },
  years: 'anos',
  weeks: 'semanas',
  unreviewedTranslation: 'Esta tradução ainda não foi revista por um clínico.',
};

const ar: UiStrings = {
  keyPoints: 'النقاط الرئيسية',
  related: 'انظر أيضًا',
  source: 'المصدر',
  reviewed: 'تاريخ المراجعة',
  disclaimer: 'يدعم الحكم السريري ولا يحل محله.',
  matched: 'المطابقة',
  close: 'إغلاق',
  back: 'العودة إلى القائمة',
  foundTerms: 'المصطلحات التي وُجدت',
  otherMatches: 'معانٍ أخرى',
  language: 'اللغة',
  search: 'البحث في الإرشادات',
  searchPlaceholder: 'ابحث عن مصطلح: HFNC، ديكساميثازون…',
  noResults: 'لم يُعثر على إرشادات.',
  results: 'النتائج',
  asserted: { negated: 'لا يوجد: {t}', possible: 'محتمل: {t}', historical: 'سابقًا: {t}', hypothetical: 'إذا: {t}', other: 'لدى شخص آخر: {t}' },
  thresholdOps: { '<': 'أقل من', '<=': 'لا يزيد على', '>': 'أعلى من', '>=': 'لا يقل عن' },
  years: 'سنة',
  weeks: 'أسبوعًا',
  unreviewedTranslation: 'لم يراجع طبيب هذه الترجمة بعد.',
};

const TABLES: Record<string, UiStrings> = { en, fr, zh, pt, ar };

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', zh: '中文', pt: 'Português', ar: 'العربية' };

/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** The writing direction of a language tag (`ar`, `ar-EG`). */
export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

export function stringsFor(lang: string): UiStrings {
  return TABLES[lang.toLowerCase().split(/[-_]/)[0] ?? 'en'] ?? en;
}
