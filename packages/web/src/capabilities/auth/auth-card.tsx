import { Container, Paper, Stack, Text, Title } from '@mantine/core';

type AuthCardProps = { title: string; description?: React.ReactNode; children: React.ReactNode; footer?: React.ReactNode };

/** The centred card that holds the setup, sign-in and sign-up forms. */
export function AuthCard({ title, description, children, footer }: AuthCardProps) {
  return (
    <Container size={440} py={60}>
      <Text ta="center" fw={700} size="xl" mb="xs">
        Day One
      </Text>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack>
          <div>
            <Title order={1} size="h3">
              {title}
            </Title>
            {description && (
              <Text c="dimmed" size="sm">
                {description}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Paper>
      {footer && (
        <Text ta="center" size="sm" mt="md">
          {footer}
        </Text>
      )}
    </Container>
  );
}
