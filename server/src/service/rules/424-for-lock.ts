import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-lock', {
  explain: (where, replacements) =>
    `424 Failed Dependency is used for a locked resource (${where}). A lock is what ${preferredName(replacements)} reports; 424 means an earlier action this one depended on failed.`,
});
