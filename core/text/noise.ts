// Words that carry no clinical meaning of their own: function words (English, French, Portuguese,
// and Arabic as matching keys: the article is gone and hamza and alif maqsura are folded),
// units and dosing shorthand. They never count for or against how well a selection matches
// ("Dexamethasone 6 mg PO daily" is a full match of "dexamethasone"), and never as context.
const FUNCTION_WORDS =
  'a an the and or of in on at to for with without by from as is are was were be been being it its this that these those ' +
  'than then there their his her he she they we you i me my our your not no yes if but so per via into onto over under up down ' +
  'after before while during since until about again also all any some each both more most other such only own same very can will ' +
  'just should would could may might must do does did done has have had having patient pt pts ' +
  'le la les l un une des de du d au aux et ou en dans sur sous par pour avec sans ce cet cette ces il elle ils elles est sont ' +
  'qui que qu ne pas plus se sa son ses leur leurs y a o os as um uma e em no na nos nas do da dos das com sem para por ' +
  'من في علي الي عن مع او ثم ان لا لم لن ما هذا هذه ذلك تلك التي الذي ذين كان كانت قد بين عند بعد قبل حتي كل بعض هو هي هم لدي عبر خلال دون بدون اي';
const UNITS_AND_DOSING =
  'mg g kg mcg ug µg ng ml l dl mmol umol iu u unit units meq mmhg cmh2o cm mm h hr hrs hour hours min mins day days daily ' +
  'week weeks wk month months year years yr yrs x times od bd bid tid tds qid qd qds prn po iv im sc sq sl pr stat nocte mane ' +
  'dose doses tab tabs tablet tablets cap caps amp vial puff puffs lpm';

const NOISE = new Set(`${FUNCTION_WORDS} ${UNITS_AND_DOSING}`.split(/\s+/));

/** True for a matching key that is a function word, a unit or dosing shorthand. */
export function isNoiseKey(key: string): boolean {
  return NOISE.has(key);
}
