import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-upstream-failure', {
  explain: (where, replacements) =>
    `424 Failed Dependency is used for an upstream service that failed (${where}). A broken upstream is a server-side error: ${preferredName(replacements)} (or ${replacements
      .filter((r) => !r.preferred)
      .map((r) => r.code)
      .join('/')}); 424 means an earlier action of the same client request failed.`,
});
