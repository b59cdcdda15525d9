"""Official documents made of the scores (Decree 30 PDFs, registered with documents): a unit's monthly report
(emulation.monthly_report) and the ward's ranking for a period (emulation.ranking_report). They sit in the
scores wing because both print the stored points and ranks beside the reports' figures."""
