// n8n loads the nodes and credentials from the paths in package.json's "n8n" section; this entry
// point only lets `require('n8n-nodes-highlevel-calendar')` reach the same classes.
module.exports = {
	HighLevelCalendar: require('./dist/nodes/HighLevelCalendar/HighLevelCalendar.node.js')
		.HighLevelCalendar,
	HighLevelCalendarTrigger:
		require('./dist/nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node.js')
			.HighLevelCalendarTrigger,
	HighLevelCalendarInstantTrigger:
		require('./dist/nodes/HighLevelCalendarInstantTrigger/HighLevelCalendarInstantTrigger.node.js')
			.HighLevelCalendarInstantTrigger,
	HighLevelCalendarApi: require('./dist/credentials/HighLevelCalendarApi.credentials.js')
		.HighLevelCalendarApi,
	HighLevelCalendarOAuth2Api:
		require('./dist/credentials/HighLevelCalendarOAuth2Api.credentials.js')
			.HighLevelCalendarOAuth2Api,
};
