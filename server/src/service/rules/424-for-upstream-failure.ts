import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-upstream-failure', {
  explain: (where, replacements, byRole) => {
    const others = replacements
      .filter((r) => !r.preferred && r.code !== 500)
      .map((r) => r.code)
      .join('/');
    // A call known only by its role may as well be the server's own work: the finding says so, and offers 500.
    return byRole
      ? `424 Failed Dependency is used for a failure that nothing here names as another service's (${where}). If it is one, a broken upstream is a server-side error: ${preferredName(replacements)} (or ${others}); if the failure is the server's own, 500 Internal Server Error. 424 means an earlier action of the same client request failed.`
      : `424 Failed Dependency is used for an upstream service that failed (${where}). A broken upstream is a server-side error: ${preferredName(replacements)} (or ${others}); 424 means an earlier action of the same client request failed.`;
  },
});
