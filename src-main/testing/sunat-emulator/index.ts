export { BILL_SERVICE_PATH, CONSULT_SERVICE_PATH, startSunatEmulator } from './server';
export type { SunatEmulator, SunatEmulatorOptions } from './server';
export type {
  DocumentOutcomeScenario,
  EmulatorScenario,
  ObservationNote,
  ScenarioScope,
  ServiceScenario,
} from './scenarios';
export type { EmulatorCredentials, ReceivedAnswer, ReceivedDocument, ReceivedRequest } from './soap-handler';
export { SUNAT_RUC } from './cdr-writer';
