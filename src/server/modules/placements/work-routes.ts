import type { App, Deps } from '../../http/types.ts';
import { registerBeschutWerkRoutes } from '../beschut-werk/beschut-werk.routes.ts';
import { registerEmployerRoutes } from '../employers/employers.routes.ts';
import { registerTegenprestatieRoutes } from '../tegenprestatie/tegenprestatie.routes.ts';
import { registerYouthRoutes } from '../youth/youth.routes.ts';
import { registerPlacementRoutes } from './placements.routes.ts';

/** Work and participation beyond trajectories (issue 5): employers, placements, beschut werk, young people's schooling, tegenprestatie. */
export function registerWorkRoutes(app: App, deps: Deps): void {
  registerEmployerRoutes(app, deps);
  registerPlacementRoutes(app, deps);
  registerBeschutWerkRoutes(app, deps);
  registerYouthRoutes(app, deps);
  registerTegenprestatieRoutes(app, deps);
}
