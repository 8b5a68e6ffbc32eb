import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-lock', {
  explain: (phrase, replacements) =>
    `424 Failed Dependency is used for a locked resource ("${phrase}"). A lock is what ${preferredName(replacements)} reports; 424 means an earlier action this one depended on failed.`,
});
