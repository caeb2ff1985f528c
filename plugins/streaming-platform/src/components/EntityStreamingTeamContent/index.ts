export { EntityStreamingTeamContent } from './EntityStreamingTeamContent';
