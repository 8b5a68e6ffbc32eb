import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-precondition', {
  explain: (where, replacements) =>
    `424 Failed Dependency is used for a failed precondition (${where}). A conditional request header that evaluates false is ${preferredName(replacements)}; 424 means an earlier action this one depended on failed.`,
});
