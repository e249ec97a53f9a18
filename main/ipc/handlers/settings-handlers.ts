/** IPC handlers for the app settings. */
import type { MainServices } from '../../composition';
import type { HandlerTable } from '../handler-table';

export function settingsHandlers(
  services: MainServices,
): Pick<HandlerTable, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => services.settings.view(),
    'settings:update': (change) => services.settings.update(change),
  };
}
