"""Sample answers written for the assessment tests: one story, told four ways."""

QUESTION = "Tell me about an achievement from your current role."

#: A specific STAR answer with a measured result, about 200 words.
STRONG = (
    "Last year our finance team was closing the books in nine working days, and the board "
    "wanted figures sooner. The delays came from three spreadsheets that people reconciled "
    "by hand. "
    "My goal was to cut the close to five days before the March year end without adding headcount. "
    "I mapped every step of the close with the two accountants who ran it and found that 40% of "
    "the time went on matching supplier invoices. I proposed a matching rule in our ERP and built "
    "a small SQL report that flagged only the exceptions. I tested it on two months of old data, "
    "then I trained the team in a one-hour session and wrote a short guide. I also set up a "
    "daily ten-minute check-in during the first close so problems surfaced early. "
    "As a result, the March close took four and a half days instead of nine, and we have held it "
    "under five days for six months. The team saved about 30 hours a month of manual matching, "
    "which they now spend on analysis the board asked for. I learned that process improvement "
    "beats buying new tools, and as an analyst I would bring that approach to your reporting."
)

#: The same story told vaguely: no figures, no clear steps, hedged.
VAGUE = (
    "So basically at my current job we had some issues with the month-end stuff, it was kind of "
    "slow and people were sort of frustrated. I guess I just tried to help out where I could, "
    "maybe looked at the process a bit and talked to people. We made some changes and I think "
    "things got better in the end, it was probably a lot quicker. Honestly it was a good "
    "experience and I learned a lot about working with finance, you know, and it was really "
    "rewarding to see the team happier afterwards."
)

#: The same story told only with "we".
WE_ONLY = (
    "Last year our finance team was closing the books in nine working days, and the board "
    "wanted figures sooner. The delays came from three spreadsheets that people reconciled "
    "by hand. "
    "The goal was to cut the close to five days before the March year end without adding "
    "headcount. "
    "We mapped every step of the close with the two accountants who ran it and found that 40% of "
    "the time went on matching supplier invoices. We proposed a matching rule in our ERP and built "
    "a small SQL report that flagged only the exceptions. We tested it on two months of old data, "
    "then we trained the team in a one-hour session and wrote a short guide. We also set up a "
    "daily ten-minute check-in during the first close so problems surfaced early. "
    "As a result, the March close took four and a half days instead of nine, and we have held it "
    "under five days for six months. The team saved about 30 hours a month of manual matching, "
    "which they now spend on analysis the board asked for. We learned that process improvement "
    "beats buying new tools, and that is the approach our team would bring to reporting."
)

_PADDING = (
    " To give you more background, the company had grown quickly through two acquisitions, and "
    "each business unit kept its own chart of accounts, its own suppliers and its own habits for "
    "approving invoices, which meant that every month the same discussions happened again about "
    "who owned which step and which spreadsheet was the master copy. There had been earlier "
    "attempts to fix this, including a consultant's report that nobody implemented and a project "
    "to replace the ERP that was postponed twice because of budget, so people were sceptical "
    "about yet another initiative and needed to be convinced that it would be different this time."
)

#: The same story told at about 600 words: the right content, buried in detail.
LONG = STRONG + _PADDING * 4
