/** The organisation's shape and its people's names: a retailer's engineering department. */

export interface AreaPlan {
  name: string;
  displayName: string;
  mission: string;
  teams: { name: string; displayName: string; mission: string }[];
}

export const COMPANY = { name: 'northwind', displayName: 'Northwind Retail Engineering', mission: 'Make shopping with Northwind the easiest thing our customers do all week.' };

export const AREAS: AreaPlan[] = [
  {
    name: 'shopping', displayName: 'Shopping', mission: 'Help customers find the right thing quickly.',
    teams: [
      { name: 'search', displayName: 'Search', mission: 'Every query finds what the customer meant, in under 200 ms.' },
      { name: 'browse', displayName: 'Browse', mission: 'Category pages customers enjoy scrolling.' },
      { name: 'product-pages', displayName: 'Product pages', mission: 'Everything needed to decide, on one page.' },
      { name: 'reviews', displayName: 'Reviews', mission: 'Honest reviews, shown fairly.' },
      { name: 'recommendations', displayName: 'Recommendations', mission: 'Suggest what customers would have looked for next.' },
    ],
  },
  {
    name: 'buying', displayName: 'Buying', mission: 'Take the order and the money safely, every time.',
    teams: [
      { name: 'cart', displayName: 'Cart', mission: 'A cart that never forgets.' },
      { name: 'checkout', displayName: 'Checkout', mission: 'From cart to order in one minute.' },
      { name: 'payments', displayName: 'Payments', mission: 'Take money safely and never lose it.' },
      { name: 'fraud', displayName: 'Fraud prevention', mission: 'Stop fraud without stopping customers.' },
      { name: 'tax', displayName: 'Tax', mission: 'The right tax on every order in every country.' },
    ],
  },
  {
    name: 'fulfilment', displayName: 'Fulfilment', mission: 'Deliver what was ordered, when we said we would.',
    teams: [
      { name: 'inventory', displayName: 'Inventory', mission: 'Know what is on every shelf.' },
      { name: 'warehouse', displayName: 'Warehouse systems', mission: 'Pick and pack without walking twice.' },
      { name: 'shipping', displayName: 'Shipping', mission: 'The cheapest carrier that arrives on time.' },
      { name: 'returns', displayName: 'Returns', mission: 'A return as easy as the purchase.' },
      { name: 'delivery-tracking', displayName: 'Delivery tracking', mission: 'Customers always know where their parcel is.' },
    ],
  },
  {
    name: 'sellers', displayName: 'Seller services', mission: 'Make selling on Northwind worth a seller’s time.',
    teams: [
      { name: 'seller-portal', displayName: 'Seller portal', mission: 'Sellers run their shop from one place.' },
      { name: 'listings', displayName: 'Listings', mission: 'A listing live in five minutes.' },
      { name: 'pricing', displayName: 'Pricing', mission: 'Prices that are fair and always current.' },
      { name: 'seller-payouts', displayName: 'Seller payouts', mission: 'Sellers are paid on time, to the cent.' },
    ],
  },
  {
    name: 'platform', displayName: 'Platform', mission: 'Self-service infrastructure, so product teams never wait on us.',
    teams: [
      { name: 'identity', displayName: 'Identity', mission: 'Sign-in that is safe and takes one tap.' },
      { name: 'api-gateway', displayName: 'API gateway', mission: 'One front door, always open.' },
      { name: 'data-platform', displayName: 'Data platform', mission: 'Every team answers its own questions from data.' },
      { name: 'observability', displayName: 'Observability', mission: 'Know before the customer does.' },
      { name: 'build-tools', displayName: 'Build and deploy', mission: 'From merge to production in fifteen minutes.' },
      { name: 'messaging', displayName: 'Messaging', mission: 'Events delivered once, in order.' },
    ],
  },
  {
    name: 'growth', displayName: 'Growth', mission: 'More customers, coming back more often.',
    teams: [
      { name: 'notifications', displayName: 'Notifications', mission: 'The right message, never too many.' },
      { name: 'loyalty', displayName: 'Loyalty', mission: 'Membership customers would miss.' },
      { name: 'marketing-tech', displayName: 'Marketing technology', mission: 'Campaigns without engineering tickets.' },
      { name: 'mobile-app', displayName: 'Mobile app', mission: 'The app customers open first.' },
    ],
  },
];

/** Teams bigger than two pizzas on purpose, and a small team that owns far too much. */
export const BIG_TEAMS: Record<string, number> = { search: 12, checkout: 13, 'data-platform': 11 };
export const SMALL_OVERLOADED = { team: 'tax', people: 3, services: 14 };
/** A team whose leader left, and a leader who took a second team on. */
export const LEADERLESS_TEAM = 'build-tools';
export const SECOND_TEAM_OF_LEADER = { team: 'fraud', alsoLeads: 'tax' };

export const FIRST_NAMES = [
  'Amara', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farah', 'Gustavo', 'Hana', 'Ibrahim', 'Jonas', 'Kavya', 'Lars', 'Mei', 'Nikolai',
  'Olga', 'Priya', 'Quentin', 'Rhea', 'Samir', 'Tomasz', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zofia', 'Aiko', 'Bilal',
  'Camille', 'Diego', 'Esther', 'Finn', 'Grace', 'Hugo', 'Ines', 'Jamal', 'Keiko', 'Leon', 'Maya', 'Nadia', 'Oscar', 'Paula',
  'Rafael', 'Sara', 'Tariq', 'Valentina', 'William', 'Yara', 'Zane', 'Anouk', 'Björn', 'Chen', 'Dalia', 'Emil', 'Fatima', 'Gabriel',
  'Helga', 'Ivan', 'Julia', 'Kofi', 'Lucia', 'Mateo', 'Noor', 'Omar', 'Pia', 'Ravi', 'Sofia', 'Theo', 'Ursula', 'Vera', 'Wojciech',
  'Xavier', 'Yuki', 'Zara', 'Ahmed', 'Beatriz', 'Carlos', 'Dana', 'Erik', 'Freya',
];
export const LAST_NAMES = [
  'Okafor', 'Silva', 'Rossi', 'Petrov', 'Novak', 'Haddad', 'Pereira', 'Tanaka', 'Mensah', 'Berg', 'Iyer', 'Nilsson', 'Zhang', 'Ivanov',
  'Kowalski', 'Sharma', 'Dubois', 'Kapoor', 'Nasser', 'Wiśniewski', 'Patel', 'Horvat', 'Li', 'Castillo', 'Demir', 'Nowak', 'Sato',
  'Qureshi', 'Laurent', 'Fernández', 'Cohen', 'Murphy', 'Adeyemi', 'Moreau', 'Costa', 'Bakr', 'Yamamoto', 'Fischer', 'Wang', 'Rahman',
  'Lindqvist', 'Gómez', 'Romero', 'Lund', 'Aziz', 'Marino', 'Jones', 'Khalil', 'Schmidt', 'Visser', 'Andersson', 'Huang', 'Saleh',
  'Weber', 'Hussain', 'Santos', 'Jensen', 'Koch', 'Park', 'Owusu', 'Reyes', 'Ali', 'Bianchi', 'Olsen', 'Keller', 'Mbeki',
];

/** `Zofia Wiśniewski` → `zofia.wisniewski`: a user name the API accepts. */
export function userName(first: string, last: string): string {
  return `${first}.${last}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ö|ø/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, '');
}
