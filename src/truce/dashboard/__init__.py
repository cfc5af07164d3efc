"""The dashboard: static HTML, JS and CSS served by the API at `/`, and the country outlines it draws.

Everything it loads comes from the app itself (no CDN, no tile server). The map and the timeline are
hand-written SVG: a world map of 177 outlines and a weekly bar chart need no charting library.
"""
