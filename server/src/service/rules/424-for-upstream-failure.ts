import { confusionRule, preferredName } from './confusion';

export default confusionRule('424-for-upstream-failure', {
  explain: (phrase, replacements) =>
    `424 Failed Dependency is used for an upstream service that failed ("${phrase}"). A broken upstream is a server-side error: ${preferredName(replacements)} (or ${replacements
      .filter((r) => !r.preferred)
      .map((r) => r.code)
      .join('/')}); 424 means an earlier action of the same client request failed.`,
  // A 424 in the error handler of a handler that calls another service reports that service's failure.
  fallback: (site) =>
    site.failure !== undefined && site.scope.makesOutboundCall?.() ? 'the error handler of an outbound call' : undefined,
});
