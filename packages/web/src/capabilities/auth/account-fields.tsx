import { PasswordInput, TextInput } from '@mantine/core';
import { fieldError } from '../../ui/field-error';
import type { AccountInput } from './auth-api';

export const accountFieldNames = ['email', 'password', 'name', 'displayName'];
export const emptyAccount: AccountInput = { email: '', password: '', name: '', displayName: '' };

type AccountFieldsProps = {
  value: AccountInput;
  onChange: (value: AccountInput) => void;
  error: unknown;
};

/** Email, password, user name and display name: the fields of a new account. */
export function AccountFields({ value, onChange, error }: AccountFieldsProps) {
  const set = (field: keyof AccountInput) => (event: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [field]: event.currentTarget.value });
  return (
    <>
      <TextInput label="Display name" placeholder="Ada Lovelace" required value={value.displayName} onChange={set('displayName')} error={fieldError(error, 'displayName')} />
      <TextInput
        label="User name"
        description="Letters and digits separated by single -, _ or . (for example ada-l)"
        placeholder="ada-l"
        required
        value={value.name}
        onChange={set('name')}
        error={fieldError(error, 'name')}
      />
      <TextInput label="Email" type="email" autoComplete="email" required value={value.email} onChange={set('email')} error={fieldError(error, 'email')} />
      <PasswordInput
        label="Password"
        description="At least 10 characters"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={set('password')}
        error={fieldError(error, 'password')}
      />
    </>
  );
}
