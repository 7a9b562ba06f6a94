import type { ImportKind } from '../kinds/types';
import { activitiesWriter } from './activities';
import { assistanceWriter } from './assistance';
import { contractsWriter } from './contracts';
import { householdsWriter } from './households';
import { loansWriter } from './loans';
import { peopleWriter } from './people';
import type { KindWriter } from './types';

export const kindWriters: Record<ImportKind, KindWriter> = {
  people: peopleWriter as KindWriter,
  activities: activitiesWriter as KindWriter,
  assistance: assistanceWriter as KindWriter,
  loans: loansWriter as KindWriter,
  contracts: contractsWriter as KindWriter,
  households: householdsWriter as KindWriter,
};
