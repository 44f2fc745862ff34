import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';

/** The search box in the header: Enter opens the search page with the words typed. */
export function HeaderSearch() {
  const [text, setText] = useState('');
  const navigate = useNavigate();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (text.trim()) void navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <form role="search" onSubmit={submit}>
      <TextInput aria-label="Search everything" placeholder="Search teams, services, PR/FAQs, COEs, experiments…" value={text} onChange={(e) => setText(e.currentTarget.value)} w={{ base: 160, sm: 340 }} size="sm" />
    </form>
  );
}
