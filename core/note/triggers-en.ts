// English assertion triggers, written for this project from the trigger categories NegEx (Chapman
// et al., 2001) and ConText (Harkema et al., 2009) describe: negation, uncertainty, history,
// hypothetical and experiencer triggers, each with the direction of its scope; pseudo-triggers
// that contain a trigger but do not assert it; and words that end a scope.
import type { TriggerList } from './triggers';

export const ENGLISH: TriggerList = {
  negated: {
    forward: [
      'no', 'not', 'without', 'denies', 'denied', 'denying', 'deny', 'absence of', 'absent', 'negative for', 'free of',
      'no evidence of', 'no signs of', 'no sign of', 'no symptoms of', 'no history of', 'no complaints of', 'never had',
      'ruled out', 'excluded', 'neither', 'nor', 'fails to reveal', 'did not have', 'does not have',
      'has not had', 'resolution of', 'no new', 'no further', 'unremarkable for', 'no suspicion of', 'cannot see',
      'not due to', 'not caused by', 'not related to', 'not consistent with',
      // Contractions, the British "nil", what stopped being so, and what is free of it.
      "isn't", "wasn't", "aren't", "doesn't", "don't", "didn't", "hasn't", "hadn't", "doesn't have", "didn't have",
      'nil', 'no longer', 'free from', 'w/o', 'no need for', 'not requiring', 'never',
    ],
    backward: [
      'ruled out', 'was ruled out', 'is ruled out', 'has been ruled out', 'excluded', 'was excluded', 'is excluded',
      'absent', 'is absent', 'was absent', 'not seen', 'not present', 'negative', 'was negative', 'is negative',
      'none', 'resolved', 'has resolved', 'free', 'not detected', 'undetected', 'denied', 'not given', 'was not given',
      'not started', 'not done', 'not performed', 'not sent', 'withheld', 'declined', 'refused', 'neg', 'nil', 'settled',
      'has settled', 'subsided', 'has subsided', 'disappeared', 'cleared', 'has cleared',
    ],
    // What the patient reports or has after a negated list is present again ("No fever, reports a cough").
    end: ['reports', 'reported', 'complains of', 'complaining of', 'c/o', 'endorses', 'admits to', 'has', 'positive for'],
  },
  possible: {
    forward: [
      'possible', 'possibly', 'probable', 'probably', 'likely', 'suspected', 'suspect', 'suspicion of', 'suspicious for',
      'suggestive of', 'unable to exclude', 'unable to rule out', 'ddx', 'differential', 'differential diagnosis',
      'rule out', 'r/o', 'query', 'questionable', 'concern for', 'concerning for', 'worrisome for', 'cannot exclude',
      'cannot rule out', 'can not rule out', 'may have', 'might have', 'could be', 'differential includes', 'versus',
      'evaluate for', 'evaluation for', 'assess for', 'work up for', 'workup for', 'presumed', 'presumptive', 'equivocal',
      'uncertain', 'question of', 'unclear if', 'unclear whether', 'uncertain if', 'uncertain whether', 'suggests', 'suggesting',
      'may represent', 'could represent',
      // Doubt worded with a negation ("not sure whether") is doubt, not negation.
      'not sure if', 'not sure whether', 'not certain if', 'not certain whether', 'not clear if', 'not clear whether',
      'maybe', 'may be', 'perhaps', 'in keeping with possible', 'raises the possibility of', 'r/o', 'rule-out',
      'working diagnosis', 'provisional diagnosis', 'differential diagnoses', 'suspicion for', 'to confirm', 'awaiting confirmation of',
    ],
    backward: [
      'suspected', 'is suspected', 'was suspected', 'is possible', 'likely', 'is likely', 'probable', 'unlikely', 'versus', 'vs',
      'cannot be excluded', 'cannot be ruled out', 'not excluded', 'not ruled out', 'to be ruled out', 'to be excluded',
      'is questionable', 'not been ruled out', 'not been excluded', 'not yet ruled out', 'not yet excluded', 'doubtful',
      'not excluded yet', 'not ruled out yet', 'to be confirmed', 'not confirmed', 'unconfirmed', 'yet to be confirmed',
    ],
  },
  historical: {
    forward: [
      'history of', 'h/o', 'hx of', 'hx', 'pmh', 'past medical history', 'past history of', 'previous', 'previously',
      'prior', 'prior history of', 'in the past', 'as a child', 'childhood', 'status post', 's/p', 'former', 'remote',
      'old', 'recovered from', 'sequelae of', 'completed treatment for', 'years ago', 'months ago',
      'completed a course of', 'treated in the past for', 'last year', 'last month', 'a year ago', 'in childhood',
    ],
    // Headings of a history ("History: TB", "Background: hypertension, diabetes").
    heading: ['past history', 'medical history', 'previous history', 'comorbidities'],
    // What the patient has now ends a history ("Previous PE, now presents with cough").
    end: ['now', 'still', 'today', 'presents', 'presenting', 'presented', 'this admission', 'on admission', 'admitted with', 'admitted for'],
    backward: ['in the past', 'previously', 'years ago', 'months ago', 'as a child', 'last year', 'in childhood', 'last month',
      'last winter', 'last summer', 'years earlier', 'months earlier', 'in the past year', 'a year ago', 'a month ago',
      'during a previous', 'during the previous', 'during a prior', 'during his previous', 'during her previous',
      'on a previous', 'at a previous'],
  },
  hypothetical: {
    forward: [
      'return if', 'come back if', 'call if',
      'seek care if', 'watch for', 'monitor for', 'look out for', 'in case of', 'in the event of', 'unless', 'prevent',
      'to prevent', 'prophylaxis against', 'at risk of', 'at risk for', 'risk of',
      'prn', 'p.r.n', 'as needed for', 'as required for', 'when required for', 'in the event that', 'safety net', 'safety netting',
      'red flags', 'warning signs', 'should', 'prevention of', 'prophylaxis of', 'to avoid', 'avoid',
      'watch out for', 'be alert for', 'alert for', 'in case', 'look for',
    ],
    backward: ['if needed', 'if necessary', 'if required', 'if present', 'if it occurs', 'prn', 'as needed', 'as required', 'when required'],
    // "if" reaches both ways: "Return if fever", "Take paracetamol if febrile"; so does a condition
    // put as an inversion ("Should he deteriorate, intubate"; "Intubate should he deteriorate").
    both: ['if', 'unless', 'should he', 'should she', 'should they', 'should it', 'should the patient', 'should a', 'should an',
      'should the', 'should there be', 'should his', 'should her', 'should any', 'should this', 'should symptoms'],
  },
  other: {
    forward: [
      'mother', 'father', 'mum', 'mom', 'dad', 'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'partner',
      'spouse', 'grandmother', 'grandfather', 'aunt', 'uncle', 'cousin', 'sibling', 'siblings', 'parent', 'parents',
      'family history of', 'family history', 'fh', 'fhx', 'roommate', 'colleague', 'coworker',
      'household contact', 'household member', 'friend', 'a relative', 'his relative', 'her relative', 'their relative',
      'other relative', 'several relative', 'relative with', 'relative who', 'relative has', 'relative had', 'neighbour', 'neighbor', 'classmate', 'classmates', 'flatmate',
      'housemate', 'the nurse', 'close contact', 'contact from', 'colleagues',
      'grandson', 'granddaughter', 'grandchild', 'grandchildren', 'grandparent', 'grandparents', 'niece', 'nephew',
      'mother in law', 'father in law', 'sister in law', 'brother in law', 'son in law', 'daughter in law', 'stepfather',
      'stepmother', 'boyfriend', 'girlfriend', 'fiance', 'fiancee', 'carer', 'caregiver', 'family member', 'family members',
      'household', 'kids', 'sick contact', 'sick contacts', 'contact with', 'exposure to', 'exposed to', 'contact of',
      'index case', 'co-worker', 'workmate',
    ],
    // The patient named again ends someone else's findings ("Wife has COVID-19, patient has a cough").
    end: ['patient', 'pt', 'the patient', 'he has', 'she has', 'he is', 'she is', 'himself', 'herself'],
    backward: ['in his wife', 'in her husband', 'in the family', 'in family members', 'in a relative'],
  },
  pseudo: [
    'no increase', 'no change', 'no significant change', 'not only', 'no further change',
    'not necessarily', 'gram negative', 'gram-negative', 'without difficulty', 'not cause', 'not drain', 'negative predictive',
    'no interval change', 'history and physical', 'history and examination', 'if needed', 'if necessary', 'not ruled out by',
    'not extend', 'without any further', 'prior to', 'without delay', 'no doubt',
    'no better', 'no worse', 'no improvement', 'not improving', 'no response', 'not responding', 'history of present illness',
    'year old', 'years old', 'month old', 'months old', 'week old', 'day old', 'old age', 'not worsening', 'no worsening',
    'no significant change in', 'not significantly changed', 'no deterioration', 'not deteriorating', 'nothing but',
    'no sooner', 'not just', 'not merely', 'not resolved', 'not resolving', 'not settled', 'not settling', 'not only', 'neither improved',
  ],
  terminate: [
    'but', 'however', 'yet', 'though', 'although', 'whereas', 'except', 'aside from', 'apart from', 'which', 'whose', 'currently',
    'presenting with', 'presents with', 'presented with', 'due to', 'secondary to', 'cause of', 'source of', 'reason for',
    'now has', 'patient has', 'patient reports', 'but has', 'still has',
  ],
};
