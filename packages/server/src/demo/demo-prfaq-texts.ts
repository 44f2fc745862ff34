/** The PR/FAQs the organisation writes. Each names the team that would build it (when that team is in
 *  the demo), and the passages reviewers comment on (quoted exactly from the press release). */

export interface PrfaqText {
  team: string;
  title: string;
  customer: string;
  pressRelease: {
    heading: string; subheading: string; city: string; outlet: string; launchDate: string;
    summary: string; problem: string; solution: string; leaderQuote: string; gettingStarted: string; customerQuote: string; callToAction: string;
  };
  /** The problem as first written, before the review made it sharper. */
  firstProblem: string;
  externalFaq: [string, string][];
  internalFaq: Record<'marketSize' | 'economics' | 'dependencies' | 'risks' | 'whatMustBeTrue', string>;
  narrative: string;
  useCase: { title: string; description: string; code: string; language: string };
  manual: { concepts: string; howTo: string; reference: string };
  comments: { field: 'summary' | 'problem' | 'solution'; quote: string; body: string; reply: string }[];
  bet?: { probability: number; payoff: number; cost: number };
}

export const PRFAQ_TEXTS: PrfaqText[] = [
  {
    team: 'search', title: 'Search that understands what you meant', customer: 'shoppers who do not know the product’s name',
    pressRelease: {
      heading: 'Northwind search now finds products from a description',
      subheading: 'Describe what you need in your own words and Northwind shows the products that do it.',
      city: 'LEEDS', outlet: 'Northwind News', launchDate: '2 March',
      summary: 'Shoppers can now type what they need, such as “something to keep soup hot at work”, and find the right products on the first page.',
      problem: 'One search in eight today finds nothing, because shoppers describe a need while our index only knows product names.',
      solution: 'Search matches the meaning of a query to what products do, using the descriptions and reviews we already have.',
      leaderQuote: '“Customers should never need to know what a thing is called to buy it,” said the search team’s leader.',
      gettingStarted: 'There is nothing to switch on: type into the search box as you would ask a shop assistant.',
      customerQuote: '“I typed ‘stop my dog pulling on the lead’ and the first result was exactly the harness my trainer meant,” said a customer in York.',
      callToAction: 'Try it today at northwind.example.',
    },
    firstProblem: 'Search is not very good at some queries.',
    externalFaq: [
      ['Does this change the results for product names?', 'No. A query that names a product finds it exactly as before; descriptions are matched only when names are not.'],
      ['Is my search history used?', 'No. Only the words of the query and the products’ own descriptions and reviews are used.'],
      ['Which languages does it understand?', 'English at launch; German and French follow in the second quarter.'],
    ],
    internalFaq: {
      marketSize: '12% of searches (about 3.1 million a week) return nothing or nothing relevant today.',
      economics: 'If half of those searches lead to an order at the current rate, revenue grows by about 1.9% a year.',
      dependencies: 'The data platform’s nightly export of reviews, and the product-pages team for the new “why this result” label.',
      risks: 'Latency: matching by meaning costs 40 ms more per query; we will cache popular queries.',
      whatMustBeTrue: 'Shoppers must trust results they did not literally ask for; the “why this result” label must explain them.',
    },
    narrative: 'Priya needs a lunch flask but has never heard the word. She types what she wants and gets three flasks, each with a line saying why it matched.',
    useCase: { title: 'A description instead of a name', description: 'The query “keep soup hot at work” returns food flasks first.', code: 'GET /search?q=keep+soup+hot+at+work', language: 'http' },
    manual: { concepts: 'Queries are matched by meaning when no product name matches.', howTo: 'Type a need, not a name.', reference: 'The label “why this result” quotes the matching description.' },
    comments: [
      { field: 'problem', quote: 'One search in eight', body: 'Where does one in eight come from? Is it the zero-result rate or a survey?', reply: 'The zero-results rate over the last 90 days; the appendix links the dashboard.' },
      { field: 'summary', quote: 'on the first page', body: 'Can we promise first page for every description? Maybe “in the first results”.', reply: 'Fair; our offline test puts it in the top 10 for 81% of descriptions.' },
    ],
    bet: { probability: 0.3, payoff: 8, cost: 400_000 },
  },
  {
    team: 'checkout', title: 'One-tap reorder', customer: 'customers who buy the same things every month',
    pressRelease: {
      heading: 'Reorder last month’s basket with one tap',
      subheading: 'Northwind remembers what you buy regularly and puts it back in your basket when you ask.',
      city: 'MANCHESTER', outlet: 'Northwind News', launchDate: '14 April',
      summary: 'Customers who buy the same groceries and household goods every month can now reorder them with one tap from the home page.',
      problem: 'Regular customers rebuild the same basket of 20 to 40 items every month, which takes them 12 minutes on average.',
      solution: 'A “reorder” button lists the items bought in the last order, with anything out of stock replaced by its closest match.',
      leaderQuote: '“Our most loyal customers do the most work on our site. That is backwards,” said the checkout team’s leader.',
      gettingStarted: 'Sign in; the button appears on the home page after your second order.',
      customerQuote: '“My monthly shop now takes a minute,” said a customer in Bristol.',
      callToAction: 'Look for the reorder button on your home page.',
    },
    firstProblem: 'Customers find reordering tedious.',
    externalFaq: [
      ['Can I change the basket before paying?', 'Yes. Reorder fills the basket; nothing is bought until you check out as usual.'],
      ['What happens to items that are out of stock?', 'They are replaced by the closest match, marked as a replacement, and you can remove it.'],
    ],
    internalFaq: {
      marketSize: '38% of our orders come from customers who order at least monthly.',
      economics: 'A 5% lift in order frequency for that group is worth about 7 million a year.',
      dependencies: 'Recommendations for the closest match; inventory for live stock.',
      risks: 'Replacements customers did not want; we show them clearly and measure removals.',
      whatMustBeTrue: 'Customers must see the reorder as help, not as an upsell.',
    },
    narrative: 'Tom opens the app on the first Saturday of the month, taps “reorder”, removes the one thing he has enough of, and pays.',
    useCase: { title: 'Monthly groceries', description: 'A basket of 31 items rebuilt in one tap.', code: 'POST /baskets/reorder {"from":"last"}', language: 'http' },
    manual: { concepts: 'Reorder copies your last order into the basket.', howTo: 'Tap Reorder on the home page.', reference: 'Replacements are marked with a swap icon.' },
    comments: [
      { field: 'problem', quote: '12 minutes on average', body: 'Is 12 minutes the median or the mean? Long sessions may skew it.', reply: 'Median; the mean is 17 minutes.' },
      { field: 'solution', quote: 'closest match', body: 'Who decides what the closest match is? Customers may disagree.', reply: 'Recommendations’ substitute model, the same one the warehouse uses for pickers.' },
    ],
    bet: { probability: 0.6, payoff: 4, cost: 250_000 },
  },
  {
    team: 'payments', title: 'Pay later without a credit check', customer: 'customers who are paid monthly',
    pressRelease: {
      heading: 'Pay at the end of the month, with no credit check and no interest',
      subheading: 'Northwind customers in good standing can pay for orders up to 300 at the end of the month.',
      city: 'LONDON', outlet: 'Northwind News', launchDate: '1 June',
      summary: 'Customers with a year of orders and no failed payments can choose to pay at the end of the month, with no credit check, no interest and no fees.',
      problem: 'Customers who run short before payday abandon baskets of essentials, or pay interest to third-party lenders.',
      solution: 'We lend to our own customers based on their order history, and collect on the day they choose.',
      leaderQuote: '“We know our customers better than any credit bureau,” said the payments team’s leader.',
      gettingStarted: 'Choose “pay at month end” at checkout if it is offered to you.',
      customerQuote: '“It means I can buy nappies on the 27th without a loan,” said a customer in Cardiff.',
      callToAction: 'Check your account page to see whether you can use it.',
    },
    firstProblem: 'Customers want to pay later.',
    externalFaq: [
      ['Is this a loan?', 'It is short-term credit with no interest and no fees, regulated as such.'],
      ['What if I cannot pay on the day?', 'We try again after three days and then ask you to contact us; there are no late fees.'],
    ],
    internalFaq: {
      marketSize: '9% of abandoned baskets are abandoned in the last five days of the month.',
      economics: 'Losses must stay under 1.2% of the lent amount to break even against the recovered baskets.',
      dependencies: 'A lending licence, fraud prevention’s risk model, and seller payouts must not wait for collection.',
      risks: 'Regulation, and lending to customers who cannot repay.',
      whatMustBeTrue: 'Order history must predict repayment better than a credit check does.',
    },
    narrative: 'Amira’s basket of essentials is ready on the 27th; she chooses to pay on the 1st and the order ships today.',
    useCase: { title: 'Month-end payment', description: 'A 64 order paid on the 1st.', code: 'POST /payments {"method":"month_end"}', language: 'http' },
    manual: { concepts: 'Eligible customers may defer payment to a chosen day.', howTo: 'Choose the option at checkout.', reference: 'Limit: 300 per month.' },
    comments: [
      { field: 'summary', quote: 'no credit check', body: 'Legal may not let us say “no credit check” if we use any bureau data at all.', reply: 'We use none; legal has confirmed the wording.' },
    ],
    bet: { probability: 0.08, payoff: 40, cost: 1_500_000 },
  },
  {
    team: 'inventory', title: 'Live stock on every product page', customer: 'shoppers who need something today',
    pressRelease: {
      heading: 'See how many are left, and where, before you order',
      subheading: 'Every product page shows live stock at the nearest warehouse and store.',
      city: 'BIRMINGHAM', outlet: 'Northwind News', launchDate: '9 September',
      summary: 'Product pages now show how many items are left at the nearest warehouse and store, updated within a minute.',
      problem: 'One order in fifty is cancelled because the item sold out between the page view and the warehouse pick.',
      solution: 'Stock changes flow to product pages within a minute, and the last items are reserved while they are in a basket.',
      leaderQuote: '“A cancelled order is a broken promise,” said the inventory team’s leader.',
      gettingStarted: 'Open any product page; stock appears under the price.',
      customerQuote: '“I drove to the store knowing they had two left,” said a customer in Derby.',
      callToAction: 'Look under the price on any product page.',
    },
    firstProblem: 'Stock information is sometimes stale.',
    externalFaq: [['How current is the number?', 'It is at most a minute old.'], ['Can I reserve an item?', 'The last items are held while they are in your basket, for up to 20 minutes.']],
    internalFaq: {
      marketSize: 'About 2% of orders are cancelled for stock; 11% of support contacts are about them.',
      economics: 'Halving cancellations saves about 1.1 million a year in support and refunds.',
      dependencies: 'The messaging team’s event bus; the warehouse systems’ pick events.',
      risks: 'Showing low stock may cause panic buying of some items.',
      whatMustBeTrue: 'Stock events must arrive within a minute, every time.',
    },
    narrative: 'Dev needs a printer cartridge today; the page shows three at the store nearby.',
    useCase: { title: 'Low stock', description: 'The page says “2 left at Derby”.', code: 'GET /stock/sku-123?near=DE1', language: 'http' },
    manual: { concepts: 'Stock is shown per location.', howTo: 'Choose your store to see its stock.', reference: 'Updated within 60 seconds.' },
    comments: [{ field: 'solution', quote: 'within a minute', body: 'The stock consumer lagged an hour in the last incident. What makes a minute credible?', reply: 'The dead-letter queue from that COE and a five-minute lag alarm; we will not launch before both ship.' }],
  },
  {
    team: 'seller-portal', title: 'Same-day payouts for small sellers', customer: 'sellers with fewer than 50 orders a month',
    pressRelease: {
      heading: 'Small sellers are now paid the day an order is delivered',
      subheading: 'No more waiting fourteen days for money already earned.',
      city: 'GLASGOW', outlet: 'Northwind Seller News', launchDate: '3 November',
      summary: 'Sellers with fewer than 50 orders a month now receive their money on the day each order is delivered.',
      problem: 'Small sellers wait fourteen days for payouts, and many pay for stock on credit cards in the meantime.',
      solution: 'Delivered orders are paid out the same evening, with returns netted from later payouts.',
      leaderQuote: '“Small sellers are our selection’s long tail; cash flow is what stops them growing,” said the seller-portal team’s leader.',
      gettingStarted: 'Eligible sellers are switched over automatically and told by email.',
      customerQuote: '“I can restock the same week,” said a potter selling from Skye.',
      callToAction: 'See your payout schedule in the seller portal.',
    },
    firstProblem: 'Sellers want to be paid faster.',
    externalFaq: [['What about returns?', 'Refunds for returns are taken from later payouts.']],
    internalFaq: {
      marketSize: '61% of our sellers, 9% of our sales.',
      economics: 'The float costs about 300,000 a year in interest.',
      dependencies: 'Seller payouts; delivery tracking’s delivered events.',
      risks: 'Fraudulent sellers who take the money and disappear before returns arrive.',
      whatMustBeTrue: 'Returns must be small enough to net from later payouts.',
    },
    narrative: 'Eilidh’s mug is delivered at 11:00; the money is in her account that evening.',
    useCase: { title: 'Same-day payout', description: 'Delivered at noon, paid at 18:00.', code: 'GET /payouts?schedule=daily', language: 'http' },
    manual: { concepts: 'Payouts follow delivery.', howTo: 'Nothing to do.', reference: 'Daily at 18:00 UTC.' },
    comments: [{ field: 'problem', quote: 'on credit cards', body: 'How many? A number here would make the problem vivid.', reply: 'The seller survey says 44%; adding it.' }],
    bet: { probability: 0.5, payoff: 3, cost: 180_000 },
  },
  {
    team: 'mobile-app', title: 'A shopping list that fills itself', customer: 'households that share a shopping list',
    pressRelease: {
      heading: 'Northwind shopping lists now fill themselves',
      subheading: 'Household lists learn what runs out and add it before you notice.',
      city: 'CARDIFF', outlet: 'Northwind News', launchDate: '20 January',
      summary: 'Households that share a list in the Northwind app now see items added as they are likely to run out, based on how often they buy them.',
      problem: 'Shared lists are forgotten until the moment of shopping, and the things that run out are remembered at home afterwards.',
      solution: 'The app predicts when regular items run out and adds them to the shared list, marked as suggestions.',
      leaderQuote: '“The best list is the one you did not have to write,” said the mobile team’s leader.',
      gettingStarted: 'Open Lists and switch on “suggest items”.',
      customerQuote: '“It added coffee the day before we ran out,” said a customer in Swansea.',
      callToAction: 'Update the app to try it.',
    },
    firstProblem: 'Lists are annoying.',
    externalFaq: [['Can I turn it off?', 'Yes, per list.']],
    internalFaq: {
      marketSize: '1.4 million households use shared lists monthly.',
      economics: 'Unclear; we expect more items per order rather than more orders.',
      dependencies: 'Recommendations for the run-out model.',
      risks: 'Suggestions that feel intrusive.',
      whatMustBeTrue: 'Predictions must be right more than two times in three.',
    },
    narrative: 'Sam opens the list on the way home and coffee is already on it.',
    useCase: { title: 'Run-out suggestion', description: 'Coffee suggested every 19 days.', code: '', language: '' },
    manual: { concepts: 'Suggestions are marked and can be dismissed.', howTo: 'Switch on in list settings.', reference: '' },
    comments: [{ field: 'summary', quote: 'likely to run out', body: 'How likely? Will customers understand why an item appeared?', reply: 'We will show “you usually buy this every 19 days”.' }],
  },
];
