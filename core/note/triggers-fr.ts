// French assertion triggers (same categories as triggers-en.ts), written for this project.
import type { TriggerList } from './triggers';

export const FRENCH: TriggerList = {
  negated: {
    forward: [
      'pas de', "pas d", 'sans', 'absence de', "absence d", 'aucun', 'aucune', 'ni', 'non', 'négatif pour', 'negatif pour',
      'pas d argument pour', 'pas de signe de', 'pas de signes de', 'nie', 'n a pas', 'n a jamais eu', 'ne présente pas de',
      'ne presente pas de', 'élimine', 'exclut', 'absence totale de', 'disparition de', 'jamais',
      // "ne … pas" around a verb, and what the patient is free of.
      'n est pas', 'n était pas', 'n a pas eu', 'n a plus', 'ne présente plus', 'ne semble pas', 'n a pas de', 'n a jamais',
      'indemne de', "indemne d", 'sans signe de', 'sans argument pour', 'pas d argument en faveur d', 'non compatible avec',
      'ni de', 'ni d', 'pas besoin de', "pas besoin d",
    ],
    backward: ['éliminé', 'éliminée', 'éliminés', 'éliminées', 'exclu', 'exclue', 'exclus', 'écarté', 'écartée', 'écartés', 'absent', 'absente', 'absents',
      'négatif', 'négative', 'négatifs', 'négatives', 'non retrouvé', 'non retrouvée', 'résolu', 'résolue', 'disparu', 'disparue',
      'non retrouvés', 'non retrouvées', 'non visualisé', 'non visualisée', 'absentes', 'éliminé formellement', 'amendé', 'amendée',
      'amendés', 'amendées', 'régressé', 'régressée', 'résolus', 'résolues'],
    // What the patient presents or reports after a negated list is present again ("Pas de fièvre, présente une toux").
    end: ['présente', 'rapporte', 'signale', 'décrit', 'se plaint de', "se plaint d", 'positif pour', 'positive pour', 'a une', 'a un', 'a des'],
  },
  possible: {
    forward: ['suspicion de', "suspicion d", 'probablement', 'évocateur de', 'évocateur d', 'évocatrice de', 'évocatrice d',
      'ne peut exclure', 'on ne peut exclure', 'ne peut éliminer', 'on ne peut éliminer', 'compatible avec', 'doute sur', 'à éliminer', 'hypothèse de', "hypothèse d", 'suspect', 'éventuel', 'éventuelle',
      'évoque', 'évoquant', 'suggère', 'suggérant', 'pas certain que', 'incertain',
      // Doubt worded with a negation ("on ne peut pas exclure", "pas exclue") is doubt, not negation.
      'ne peut pas exclure', 'on ne peut pas exclure', 'ne peut pas éliminer', 'on ne peut pas éliminer', 'pas exclu', 'sans exclure',
      'sans doute', 'peut être', 'vraisemblablement', 'en faveur d', 'en faveur de', 'orientant vers', 'faisant évoquer', 'faisant suspecter',
      'possiblement', 'une possible', 'un possible', 'une probable', 'un probable', 'd une probable', 'd un probable', 'doute quant à',
      'à confirmer', 'recherche de', 'rechercher', 'pas sûr que', 'il pourrait s agir d', 'pourrait correspondre à', 'suspecte',
      'diagnostic différentiel', 'diagnostics différentiels', 'diagnostic probable', 'pour confirmer'],
    // "Probable pneumonie", "Possible myocardite" where they open a clause; elsewhere they follow their noun.
    opening: ['probable', 'possible'],
    backward: ['suspecté', 'suspectée', 'possible', 'probable', 'à éliminer', 'à exclure', 'non éliminé', 'non éliminée', 'non exclu',
      'non exclue', 'douteux', 'douteuse', 'pas exclu', 'pas exclue', 'pas exclus', 'pas exclues', 'pas éliminé', 'pas éliminée',
      'non formellement exclu', 'non formellement exclue', 'à confirmer', 'à discuter', 'suspectés', 'suspectées', 'possibles', 'probables',
      'n est pas exclu', 'n est pas exclue', 'ne peut être exclu', 'ne peut être exclue', 'ne peut pas être exclu', 'ne peut pas être exclue',
      'à évoquer', 'évoqué', 'évoquée', 'évoqués', 'non confirmé', 'non confirmée', 'à rechercher'],
  },
  historical: {
    forward: ['antécédent de', "antécédent d", 'antécédents de', "antécédents d", 'atcd de', 'atcd', 'atcds', 'ancien', 'ancienne',
      'dans l enfance', 'il y a', 'précédemment', 'autrefois', 'déjà eu',
      'séquelles de', "séquelles d", 'séquelle de', "séquelle d", 'guéri de', 'guérie de', "guéri d", "guérie d", 'a déjà fait', 'a déjà eu',
      'ancien', 'anciens', 'anciennes', 'dans ses antécédents', 'aux antécédents de', "aux antécédents d", 'ans auparavant',
      'l an dernier', 'l année dernière', 'le mois dernier', 'l an passé', 'l année passée'],
    // Headings of a history ("Antécédents : HTA, diabète").
    heading: ['antécédents', 'antécédent', 'antécédents médicaux', 'antécédents personnels', 'atcd', 'terrain', 'comorbidités'],
    // What the patient has now ends a history ("ancienne EP, actuellement …").
    end: ['ce jour', 'aujourd hui', 'maintenant', 'toujours', 'encore', 'persiste', 'persistance de', 'à l admission', 'admis pour', 'hospitalisé pour', 'se présente', 'consulte pour'],
    backward: ['il y a', 'dans l enfance', 'dans le passé', 'ancien', 'ancienne', 'guéri', 'guérie',
      'lors d une précédente', 'lors d un précédent', 'lors de la précédente', 'lors du précédent', 'dans ses antécédents',
      'auparavant', 'ans auparavant', 'séquellaire', 'guéris', 'guéries', 'anciens', 'anciennes', 'l an dernier', 'l année dernière',
      'le mois dernier', 'l hiver dernier', 'ans plus tôt', 'mois plus tôt', 'l an passé', 'l année passée'],
  },
  hypothetical: {
    forward: ['s il', 's elle', 'reconsulter si', 'consulter si', 'surveiller', 'surveillance de', 'à surveiller',
      'prévention de', 'prévention des', 'risque de', "risque d", 'pour prévenir',
      'au besoin', 'dès que', 'dès l apparition de', "dès l apparition d", 'à la moindre', 'devant l apparition de', "devant l apparition d",
      'signes d alerte', 'signes de gravité à surveiller', 'éviter', 'afin d éviter', 'pour éviter', 'en prévention de', "en prévention d",
      'prévenir'],
    backward: ['si besoin', 'si nécessaire', 'le cas échéant', 'au besoin'],
    both: ['si', 'en cas de', "en cas d", 'lorsque', 'lorsqu', 'quand'],
  },
  other: {
    forward: ['mère', 'père', 'frère', 'soeur', 'sœur', 'fils', 'fille', 'épouse', 'mari', 'conjoint', 'conjointe', 'compagnon',
      'compagne', 'grand mère', 'grand père', 'oncle', 'tante', 'cousin', 'cousine', 'antécédents familiaux de', 'antécédents familiaux',
      'atcd familiaux', 'famille', 'collègue', 'voisin', 'voisine', 'entourage', 'colocataire', 'sa femme', 'son mari', 'sa mère', 'son père',
      'époux', 'ses enfants', 'son enfant', 'son fils', 'sa fille', 'ami', 'amie', 'amis', 'amies', 'un proche', 'ses proches', 'son entourage',
      'parents', 'ses parents', 'belle mère', 'beau père', 'belle sœur', 'belle soeur', 'beau frère', 'petit fils', 'petite fille',
      'petits enfants', 'grands parents', 'aidant', 'aidante', 'contage', 'notion de contage', 'contact avec', 'cas contact', 'cas index',
      'contact d un cas', 'exposition à', 'exposé à', 'exposée à', 'membre de la famille', 'membres de la famille', 'neveu', 'nièce', 'jumeau',
      'jumelle', 'camarade', 'camarades'],
    // The patient named again ends someone else's findings ("Son épouse est positive, le patient tousse").
    end: ['le patient', 'la patiente', 'patient', 'patiente', 'lui même', 'elle même', 'il présente', 'elle présente'],
    backward: ['dans la famille', 'chez son mari', 'chez son épouse', 'chez sa mère', 'chez son père', 'dans l entourage'],
  },
  pseudo: ['pas d augmentation', 'pas de modification', 'pas de changement', 'pas seulement', 'non seulement', 'gram négatif',
    'gram négatifs', 'sans difficulté', 'sans particularité', 'si besoin', 'si nécessaire', 'pression négative',
    'pas d amélioration', 'sans amélioration', 'sans délai', 'sans antécédent notable', 'sans antécédents notables',
    'pas d aggravation', 'sans aggravation', 'pas de majoration', 'sans majoration', 'pas de modification de', 'sans modification',
    'pas uniquement', 'non uniquement', 'pas que', 'sans tarder', 'sans aucun doute', 'non résolutif', 'non résolutive',
    'pas de régression', 'sans régression', 'pas d évolution', 'non amélioré', 'non améliorée', 'ans d âge'],
  terminate: ['mais', 'cependant', 'toutefois', 'néanmoins', 'sauf', 'hormis', 'en dehors de', 'par contre', 'en revanche', 'qui',
    'alors que', 'tandis que', 'actuellement',
    'secondaire à', 'en rapport avec', 'due à', 'dû à'],
};
