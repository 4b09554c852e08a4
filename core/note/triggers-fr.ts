// French assertion triggers (same categories as triggers-en.ts), written for this project.
import type { TriggerList } from './triggers';

export const FRENCH: TriggerList = {
  negated: {
    forward: [
      'pas de', "pas d", 'sans', 'absence de', "absence d", 'aucun', 'aucune', 'ni', 'non', 'négatif pour', 'negatif pour',
      'pas d argument pour', 'pas de signe de', 'pas de signes de', 'nie', 'n a pas', 'n a jamais eu', 'ne présente pas de',
      'ne presente pas de', 'élimine', 'exclut', 'absence totale de', 'disparition de', 'jamais',
    ],
    backward: ['éliminé', 'éliminée', 'éliminés', 'éliminées', 'exclu', 'exclue', 'exclus', 'écarté', 'écartée', 'écartés', 'absent', 'absente', 'absents',
      'négatif', 'négative', 'négatifs', 'négatives', 'non retrouvé', 'non retrouvée', 'résolu', 'résolue', 'disparu', 'disparue'],
  },
  possible: {
    forward: ['suspicion de', "suspicion d", 'probablement', 'évocateur de', 'évocateur d', 'évocatrice de', 'évocatrice d',
      'ne peut exclure', 'on ne peut exclure', 'ne peut éliminer', 'on ne peut éliminer', 'compatible avec', 'doute sur', 'à éliminer', 'hypothèse de', "hypothèse d", 'suspect', 'éventuel', 'éventuelle',
      'évoque', 'évoquant', 'suggère', 'suggérant', 'pas certain que', 'incertain'],
    backward: ['suspecté', 'suspectée', 'possible', 'probable', 'à éliminer', 'à exclure', 'non éliminé', 'non éliminée', 'non exclu',
      'non exclue', 'douteux', 'douteuse'],
  },
  historical: {
    forward: ['antécédent de', "antécédent d", 'antécédents de', "antécédents d", 'atcd de', 'atcd', 'atcds', 'ancien', 'ancienne',
      'dans l enfance', 'il y a', 'précédemment', 'autrefois', 'déjà eu'],
    backward: ['il y a', 'dans l enfance', 'dans le passé', 'ancien', 'ancienne', 'guéri', 'guérie',
      'lors d une précédente', 'lors d un précédent', 'lors de la précédente', 'lors du précédent'],
  },
  hypothetical: {
    forward: ['s il', 's elle', 'reconsulter si', 'consulter si', 'surveiller', 'surveillance de', 'à surveiller',
      'prévention de', 'prévention des', 'risque de', "risque d", 'pour prévenir'],
    backward: ['si besoin', 'si nécessaire', 'le cas échéant'],
    both: ['si', 'en cas de', "en cas d"],
  },
  other: {
    forward: ['mère', 'père', 'frère', 'soeur', 'sœur', 'fils', 'fille', 'épouse', 'mari', 'conjoint', 'conjointe', 'compagnon',
      'compagne', 'grand mère', 'grand père', 'oncle', 'tante', 'cousin', 'cousine', 'antécédents familiaux de', 'antécédents familiaux',
      'atcd familiaux', 'famille', 'collègue', 'voisin', 'voisine', 'entourage', 'colocataire', 'sa femme', 'son mari', 'sa mère', 'son père'],
    backward: ['dans la famille', 'chez son mari', 'chez son épouse', 'chez sa mère', 'chez son père', 'dans l entourage'],
  },
  pseudo: ['pas d augmentation', 'pas de modification', 'pas de changement', 'pas seulement', 'non seulement', 'gram négatif',
    'gram négatifs', 'sans difficulté', 'sans particularité', 'si besoin', 'si nécessaire', 'sans doute', 'pression négative',
    'pas d amélioration', 'sans amélioration', 'sans délai', 'sans antécédent notable', 'sans antécédents notables'],
  terminate: ['mais', 'cependant', 'toutefois', 'néanmoins', 'sauf', 'hormis', 'en dehors de', 'par contre', 'en revanche', 'qui',
    'alors que', 'tandis que', 'actuellement',
    'secondaire à', 'en rapport avec', 'due à', 'dû à'],
};
