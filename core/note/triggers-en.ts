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
    ],
    backward: [
      'ruled out', 'was ruled out', 'is ruled out', 'has been ruled out', 'excluded', 'was excluded', 'is excluded',
      'absent', 'is absent', 'was absent', 'not seen', 'not present', 'negative', 'was negative', 'is negative',
      'none', 'resolved', 'has resolved', 'free', 'not detected', 'undetected', 'denied', 'not given', 'was not given',
      'not started', 'not done', 'not performed', 'not sent', 'withheld', 'declined', 'refused',
    ],
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
    ],
    backward: [
      'suspected', 'is suspected', 'was suspected', 'is possible', 'likely', 'is likely', 'probable', 'unlikely', 'versus', 'vs',
      'cannot be excluded', 'cannot be ruled out', 'not excluded', 'not ruled out', 'to be ruled out', 'to be excluded',
      'is questionable',
    ],
  },
  historical: {
    forward: [
      'history of', 'h/o', 'hx of', 'hx', 'pmh', 'past medical history', 'past history of', 'previous', 'previously',
      'prior', 'prior history of', 'in the past', 'as a child', 'childhood', 'status post', 's/p', 'former', 'remote',
    ],
    backward: ['in the past', 'previously', 'years ago', 'months ago', 'as a child', 'last year', 'in childhood',
      'during a previous', 'during the previous', 'during a prior', 'during his previous', 'during her previous',
      'on a previous', 'at a previous'],
  },
  hypothetical: {
    forward: [
      'should he', 'should she', 'should they', 'should the patient', 'should a', 'should an', 'should the', 'should there be',
      'return if', 'come back if', 'call if',
      'seek care if', 'watch for', 'monitor for', 'look out for', 'in case of', 'in the event of', 'unless', 'prevent',
      'to prevent', 'prophylaxis against', 'at risk of', 'at risk for', 'risk of',
    ],
    backward: ['if needed', 'if necessary', 'if required', 'if present', 'if it occurs'],
    // "if" reaches both ways: "Return if fever", "Take paracetamol if febrile".
    both: ['if', 'unless'],
  },
  other: {
    forward: [
      'mother', 'father', 'mum', 'mom', 'dad', 'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'partner',
      'spouse', 'grandmother', 'grandfather', 'aunt', 'uncle', 'cousin', 'sibling', 'siblings', 'parent', 'parents',
      'family history of', 'family history', 'fh', 'fhx', 'relatives', 'roommate', 'colleague', 'coworker',
      'household contact', 'household member', 'friend', 'neighbour', 'neighbor', 'classmate', 'classmates', 'flatmate',
      'housemate', 'the nurse', 'close contact', 'contact from', 'colleagues',
    ],
    backward: ['in his wife', 'in her husband', 'in the family', 'in family members', 'in a relative'],
  },
  pseudo: [
    'no increase', 'no change', 'no significant change', 'not only', 'no further change', 'not certain if', 'not certain whether',
    'not necessarily', 'gram negative', 'gram-negative', 'without difficulty', 'not cause', 'not drain', 'negative predictive',
    'no interval change', 'history and physical', 'history and examination', 'if needed', 'if necessary', 'not ruled out by',
    'no longer', 'not extend', 'without any further', 'not been ruled out', 'prior to', 'without delay', 'no doubt',
    'no better', 'no worse', 'no improvement', 'not improving', 'no response', 'not responding', 'history of present illness',
  ],
  terminate: [
    'but', 'however', 'yet', 'though', 'although', 'whereas', 'except', 'aside from', 'apart from', 'which', 'whose', 'currently',
    'presenting with', 'presents with', 'presented with', 'due to', 'secondary to', 'cause of', 'source of', 'reason for',
    'now has', 'patient has', 'patient reports', 'but has', 'still has',
  ],
};
