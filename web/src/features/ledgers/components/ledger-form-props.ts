import type { FormValues } from './LedgerFormShell';

export interface LedgerFormProps {
  initial?: FormValues;
  editing: boolean;
  onSave: (body: FormValues) => Promise<void>;
  onCancel: () => void;
}
