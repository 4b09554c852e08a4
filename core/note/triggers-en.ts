// English assertion triggers, written for this project from the trigger categories NegEx (Chapman
// et al., 2001) and ConText (Harkema et al., 2009) describe: negation, uncertainty, history,
// hypothetical and experiencer triggers, each with the direction of its scope; pseudo-triggers
// that contain a trigger but do not assert it; and words that end a scope. A phrase may hold
// alternatives, {a|b}, and an optional part, (x); plurals need no entry of their own.
import type { TriggerList } from './triggers';

export const ENGLISH: TriggerList = {
  negated: {
    forward: [
      'no', 'not', 'without', 'den{ied|ying|y}', 'absence of', 'absent', 'negative for', 'free {of|from}', 'no {evidence|sign|symptom|history|complaint|suspicion} of',
      'no new', 'no further', 'never( had)', 'ruled out', 'excluded', 'neither', 'nor', 'fails to reveal', '{did|does} not have', 'has not had',
      'resolution of', 'unremarkable for', 'cannot see', 'not {due to|caused by|related to|consistent with}',
      // Contractions, the British "nil", what stopped being so.
      "{is|was|are|does|do|did|has|had}n't", "{does|did}n't have", 'nil', 'no longer', 'w/o', 'no need for', 'not requiring',
    ],
    backward: [
      '({was|is|has been}) {ruled out|excluded|absent|negative}', 'not {seen|present|detected|given|started|done|performed|sent}',
      'was not given', 'none', '(has) {resolved|settled|subsided|cleared}', 'free', 'undetected', 'denied', 'withheld', 'declined',
      'refused', 'neg', 'nil', 'disappeared',
    ],
    // Opening its clause, a negated participle reaches forward too ("Not started on dexamethasone",
    // "Not given remdesivir"); after a finding it looks back only ("PCR not sent, dexamethasone started").
    opening: ['not {started|given|commenced|prescribed} (on)'],
    // What the patient reports or has after a negated list is present again ("No fever, reports a cough").
    end: ['report(ed)', 'complain(ing) of', 'c/o', 'endorses', 'admits to', 'has', 'positive for'],
  },
  possible: {
    forward: [
      'possibl{e|y}', 'probabl{e|y}', 'likely', 'suspect(ed)', 'suspicio{n of|n for|us for}', 'suggestive of', 'unable to {exclude|rule out}',
      'ddx', 'differential', 'differential diagnos{is|es}', 'differential includes', 'rule out', 'r/o', 'query', 'questionable',
      '{concern|concerning|worrisome} for', '{cannot|can not} {exclude|rule out}', '{may|might} have', 'could be', 'versus',
      '{evaluate|evaluation|assess|work up|workup} for', 'presum{ed|ptive}', 'equivocal', 'uncertain', 'question of',
      '{unclear|uncertain} {if|whether}', 'suggest(ing)', '{may|could} represent',
      // Doubt worded with a negation ("not sure whether") is doubt, not negation.
      'not {sure|certain|clear} {if|whether}', 'maybe', 'may be', 'perhaps', 'in keeping with possible', 'raises the possibility of',
      '{working|provisional} diagnosis', 'to confirm', 'awaiting confirmation of',
    ],
    backward: [
      '({is|was}) suspected', 'is {possible|questionable}', '(is) likely', 'probable', 'unlikely', 'versus', 'vs', 'doubtful',
      'cannot be {excluded|ruled out}', 'not (yet) {excluded|ruled out}', 'not {excluded|ruled out} yet', 'not been {excluded|ruled out}',
      'to be {excluded|ruled out}', '(yet) to be confirmed', 'not confirmed', 'unconfirmed',
    ],
  },
  historical: {
    forward: [
      '{history|hx|past history|prior history} of', 'h/o', 'hx', 'pmh', 'past medical history', 'previous(ly)', 'prior', 'in the past',
      'as a child', '(in) childhood', 'status post', 's/p', 'former', 'remote', 'old', 'recovered from', 'sequelae of',
      'completed {treatment for|a course of}', 'treated in the past for', '{years|months} ago', 'last {year|month}', 'a year ago',
    ],
    // Headings of a history ("Past history: TB", "Comorbidities: hypertension, diabetes").
    heading: ['{past|medical|previous} history', 'comorbidities'],
    // What the patient has now ends a history ("Previous PE, now presents with cough").
    end: ['now', 'still', 'today', 'present{s|ing|ed}', '{this|on} admission', 'admitted {with|for}'],
    backward: [
      'in the past (year)', 'previously', '{years|months} {ago|earlier}', 'a {year|month} ago', 'as a child', 'in childhood',
      'last {year|month|winter|summer}', 'during {a|the|his|her} {previous|prior}', '{on|at} a previous',
    ],
  },
  hypothetical: {
    forward: [
      '{return|come back|call|seek care} if', '{watch|monitor|look out|watch out|be alert|alert|look} for', 'in case (of)',
      'in the event {of|that}', 'unless', '(to) prevent', 'prophylaxis {against|of}', 'prevention of', '(at) risk of', 'at risk for',
      'prn', 'p.r.n', '{as|when} required for', 'as needed for', 'safety net(ting)', 'red flags', 'warning signs', '(to) avoid',
    ],
    // A condition put as an inversion with a noun ("Consider tocilizumab should oxygen requirements increase").
    inverted: ['should'],
    backward: ['if {needed|necessary|required|present}', 'if it occurs', 'prn', 'as {needed|required}', 'when required'],
    // "if" reaches both ways: "Return if fever", "Take paracetamol if febrile"; so does a condition
    // put as an inversion ("Should he deteriorate, intubate"; "Intubate should he deteriorate"; a
    // plural or a finding after "should" is found as it is read, see `inverted`).
    both: ['if', 'unless', 'should {he|she|they|it|a|an|the|her|any}', 'should there be'],
  },
  other: {
    forward: [
      'mother', 'father', 'mum', 'mom', 'dad', 'brother', 'sister', 'son', 'daughter', '{mother|father|sister|brother|son|daughter} in law',
      'wife', 'husband', 'partner', 'spouse', 'grand{mother|father|son|daughter|child|children|parent}', 'aunt', 'uncle', 'cousin',
      'niece', 'nephew', 'step{father|mother}', 'sibling', 'parent', '{boy|girl}friend', 'fiance(e)', 'kids', 'carer', 'caregiver',
      'family history (of)', 'fh', 'fhx', 'family member', 'household', 'household {contact|member}', 'friend', 'neighbo(u)r',
      '{room|flat|house|class|work}mate', 'colleague', '{coworker|co-worker}', 'the nurse', 'close contact', 'contact {from|with|of}',
      'sick contact', 'expo{sure|sed} to', 'index case',
      // "Relative" as a noun only (relative lymphopenia is the patient's).
      '{a|his|her|their|other|several} relative', 'relative {with|who|has|had}',
    ],
    // The patient named again ends someone else's findings ("Wife has COVID-19, patient has a cough").
    end: ['(the) patient', 'pt', '{he|she} {has|is}', '{him|her}self'],
    backward: ['in his wife', 'in her husband', 'in the family', 'in family members', 'in a relative'],
  },
  pseudo: [
    'no {increase|change|significant change|significant change in|further change|interval change|better|worse|improvement|response|worsening|deterioration|doubt}',
    'not {only|necessarily|cause|drain|extend|improving|responding|worsening|deteriorating|just|merely|resolved|resolving|settled|settling}',
    'not significantly changed', 'not ruled out by', 'neither improved', 'nothing but', 'no sooner', 'gram negative', 'negative predictive',
    'without {difficulty|delay|any further}', 'history {and physical|and examination|of present illness}', 'if {needed|necessary}',
    'prior to', '{year|month|week|day} old', 'old age',
  ],
  terminate: [
    'but', 'however', 'yet', 'though', 'although', 'whereas', 'except', '{aside|apart} from', 'which', 'whose', 'currently',
    'present{ing|s|ed} with', 'due to', 'secondary to', '{cause|source} of', 'reason for', '{now|patient|but|still} has', 'patient reports',
  ],
  coordinators: ['and', 'or', 'nor'],
  sources: ['on', 'at', 'in'],
};
