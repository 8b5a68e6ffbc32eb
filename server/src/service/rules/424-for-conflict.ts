import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-conflict', {
  explain: (where, replacements) =>
    `424 Failed Dependency is used for a conflict with the resource's current state (${where}). That is ${preferredName(replacements)}; 424 means an earlier action this one depended on failed.`,
});
