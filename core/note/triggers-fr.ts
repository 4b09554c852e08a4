// French assertion triggers (same categories and notation as triggers-en.ts), written for this
// project. Accents, elided vowels and plurals need no entry of their own ("pas d'" is "pas d").
import type { TriggerList } from './triggers';

export const FRENCH: TriggerList = {
  negated: {
    forward: [
      'pas {de|d}', 'sans', 'absence (totale) {de|d}', 'aucun(e)', 'ni', 'ni {de|d}', 'non', 'négatif pour', 'nie', 'jamais',
      'pas {d argument pour|de signe de}', 'ne présente {pas de|plus}', 'élimine', 'exclut', 'disparition de',
      // "ne … pas" around a verb, and what the patient is free of.
      'n a {pas|pas eu|pas de|plus|jamais|jamais eu}', 'n {est|était} pas', 'ne semble pas', 'indemne {de|d}', 'sans signe de',
      'sans argument pour', 'pas d argument en faveur d', 'non compatible avec', 'pas besoin {de|d}',
    ],
    backward: [
      '{éliminé|exclu|écarté|absent|résolu|disparu|amendé|régressé}(e)(s)', 'négati{f|ve}', 'non {retrouvé|visualisé}(e)',
      'éliminé formellement',
    ],
    // What the patient presents or reports after a negated list is present again ("Pas de fièvre, présente une toux").
    end: ['présente', 'rapporte', 'signale', 'décrit', 'se plaint {de|d}', 'positi{f|ve} pour', 'a {une|un|des}'],
  },
  possible: {
    forward: [
      'suspicion {de|d}', 'probablement', 'évoca{teur|trice} {de|d}', '(on) ne peut (pas) {exclure|éliminer}', 'compatible avec',
      'doute {sur|quant à}', 'à éliminer', 'hypothèse {de|d}', 'suspect(e)', 'éventuel(le)', 'évoqu{e|ant}', 'sugg{ère|érant}',
      'pas {certain|sûr} que', 'incertain',
      // Doubt worded with a negation ("on ne peut pas exclure", "pas exclue") is doubt, not negation.
      'pas exclu', 'sans exclure', 'sans doute', 'peut être', 'vraisemblablement', 'possiblement', 'en faveur {de|d}', 'orientant vers',
      'faisant {évoquer|suspecter}', '{une|un|d une|d un} {possible|probable}', 'à confirmer', 'pour confirmer', 'recherche de',
      'rechercher', 'il pourrait s agir d', 'pourrait correspondre à', 'diagnostic{ différentiel| probable}',
    ],
    // "Probable pneumonie", "Possible myocardite" where they open a clause; elsewhere they follow their noun.
    opening: ['probable', 'possible'],
    backward: [
      'suspecté(e)', 'possible', 'probable', 'à {éliminer|exclure|confirmer|discuter|évoquer|rechercher}', 'douteu{x|se}', 'évoqué(e)',
      '{non|pas|non formellement|n est pas} {exclu|éliminé|confirmé}(e)(s)', 'ne peut (pas) être exclu(e)',
    ],
  },
  historical: {
    forward: [
      '{antécédent|atcd|séquelle|aux antécédents} {de|d}', 'atcd', 'ancien(ne)', 'dans l enfance', 'il y a', 'précédemment', 'autrefois',
      '(a) déjà eu', 'a déjà fait', 'guéri(e) {de|d}', 'dans ses antécédents', 'ans auparavant', 'l {an|année} {dernier|dernière|passé|passée}',
      'le mois dernier',
    ],
    // Headings of a history ("Antécédents : HTA, diabète").
    heading: ['antécédent(s) (médicaux)', 'antécédents personnels', 'atcd', 'terrain', 'comorbidités'],
    // What the patient has now ends a history ("ancienne EP, toujours dyspnéique …").
    end: [
      'ce jour', 'aujourd hui', 'maintenant', 'toujours', 'encore', 'persiste', 'persistance de', 'à l admission', '{admis|hospitalisé} pour',
      'se présente', 'consulte pour',
    ],
    backward: [
      'il y a', 'dans l enfance', 'dans le passé', 'ancien(ne)', 'guéri(e)(s)', 'lors {d une précédente|d un précédent|de la précédente|du précédent}',
      'dans ses antécédents', '(ans) auparavant', 'séquellaire', 'l {an|année} {dernier|dernière|passé|passée}', '{le mois|l hiver} dernier',
      '{ans|mois} plus tôt',
    ],
  },
  hypothetical: {
    forward: [
      's {il|elle}', '(re)consulter si', 'surveiller', 'surveillance de', 'à surveiller', 'prévention {de|des}', 'risque {de|d}',
      '(pour) prévenir', 'au besoin', 'dès que', '{dès|devant} l apparition {de|d}', 'à la moindre', 'signes d alerte',
      'signes de gravité à surveiller', '{afin d|pour} éviter', 'éviter', 'en prévention {de|d}',
    ],
    backward: ['si {besoin|nécessaire}', 'le cas échéant', 'au besoin'],
    both: ['si', 'en cas {de|d}', 'lorsqu(e)', 'quand'],
  },
  other: {
    forward: [
      'mère', 'père', 'frère', 'sœur', 'fils', 'fille', 'épou{se|x}', 'mari', 'conjoint(e)', 'compagn{on|e}', 'grand {mère|père}',
      'oncle', 'tante', 'cousin(e)', 'neveu', 'nièce', 'jume{au|lle}', '{belle mère|beau père|belle sœur|beau frère}',
      '{petit fils|petite fille|petits enfants|grands parents}', 'antécédents familiaux (de)', 'atcd familiaux', 'famille',
      'membre de la famille', 'collègue', 'voisin(e)', '(son) entourage', 'colocataire', 'camarade', 'aidant(e)',
      '{sa femme|son mari|sa mère|son père|son fils|sa fille|son enfant|ses enfants|ses parents|ses proches|un proche}', 'parents',
      'ami(e)(s)', '(notion de) contage', 'contact avec', 'cas {contact|index}', 'contact d un cas', 'expos{ition|é|ée} à',
    ],
    // The patient named again ends someone else's findings ("Son épouse est positive, le patient tousse").
    end: ['{le|la} patient(e)', 'patient(e)', '{lui|elle} même', '{il|elle} présente'],
    backward: ['dans {la famille|l entourage}', 'chez {son mari|son épouse|sa mère|son père}'],
  },
  pseudo: [
    'pas {d augmentation|de modification|de modification de|de changement|d amélioration|d aggravation|de majoration|de régression|d évolution}',
    'sans {difficulté|particularité|amélioration|délai|aggravation|majoration|modification|tarder|aucun doute|régression}',
    'sans antécédent(s) notable(s)', '{pas|non} {seulement|uniquement}', 'pas que', 'gram négatif', 'si {besoin|nécessaire}',
    'pression négative', 'non {résolutif|résolutive|amélioré|améliorée}', 'ans d âge',
  ],
  terminate: [
    'mais', 'cependant', 'toutefois', 'néanmoins', 'sauf', 'hormis', 'en dehors de', 'par contre', 'en revanche', 'qui', 'alors que',
    'tandis que', 'actuellement', 'secondaire à', 'en rapport avec', 'du(e) à',
  ],
  coordinators: ['et', 'ou', 'ni'],
  sources: ['au', 'aux', 'à', 'sur'],
};
