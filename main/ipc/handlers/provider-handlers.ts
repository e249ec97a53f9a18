/** IPC handlers for provider presets and DNS discovery of a domain's submission server. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function providerHandlers(
  services: MainServices,
): Pick<HandlerTable, 'presets:list' | 'discovery:run'> {
  return {
    'presets:list': () => Promise.resolve(services.presets),
    'discovery:run': ({ domain }) => services.discovery.run(domain),
  };
}
