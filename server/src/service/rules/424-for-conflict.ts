import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-conflict', {
  explain: (phrase, replacements) =>
    `424 Failed Dependency is used for a conflict with the resource's current state ("${phrase}"). That is ${preferredName(replacements)}; 424 means an earlier action this one depended on failed.`,
});
