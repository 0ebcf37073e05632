"""Bundled word lists: UK cities, towns and districts, counties, common first names and retail chains."""
from __future__ import annotations

# Cities get "a city", the rest "a town"; the distinction only helps the story read.
CITIES: frozenset[str] = frozenset(s.strip() for s in """
Aberdeen, Bath, Belfast, Birmingham, Bradford, Brighton, Brighton and Hove, Bristol, Cambridge,
Canterbury, Cardiff, Carlisle, Chelmsford, Chester, Chichester, Coventry, Derby, Dundee, Durham,
Edinburgh, Ely, Exeter, Glasgow, Gloucester, Hereford, Hull, Kingston upon Hull, Inverness,
Lancaster, Leeds, Leicester, Lichfield, Lincoln, Liverpool, London, Londonderry, Derry, Manchester,
Milton Keynes, Newcastle, Newcastle upon Tyne, Newport, Norwich, Nottingham, Oxford, Perth,
Peterborough, Plymouth, Portsmouth, Preston, Ripon, Salford, Salisbury, Sheffield, Southampton,
Southend-on-Sea, Southend, St Albans, St Davids, Stirling, Stoke-on-Trent, Stoke, Sunderland,
Swansea, Truro, Wakefield, Wells, Westminster, Winchester, Wolverhampton, Worcester, Wrexham, York,
Doncaster, Colchester
""".split(",") if s.strip())

TOWNS: frozenset[str] = frozenset(s.strip() for s in """
Aberystwyth, Accrington, Aldershot, Alnwick, Altrincham, Andover, Ashford, Ashton-under-Lyne,
Aylesbury, Banbury, Bangor, Barnsley, Barnstaple, Barrow-in-Furness, Barry, Basildon, Basingstoke,
Batley, Bedford, Berwick-upon-Tweed, Beverley, Bexhill, Bicester, Bideford, Bingley, Birkenhead,
Bishop Auckland, Blackburn, Blackpool, Blyth, Bognor Regis, Bolton, Bootle, Boston, Bournemouth,
Bracknell, Braintree, Brentwood, Bridgend, Bridgwater, Bridlington, Brighouse, Bromsgrove, Burnley,
Burton upon Trent, Bury, Bury St Edmunds, Buxton, Caernarfon, Caerphilly, Camborne, Cannock,
Carmarthen, Castleford, Chatham, Cheltenham, Chesterfield, Chippenham, Chorley, Christchurch,
Clacton-on-Sea, Clitheroe, Colne, Congleton, Consett, Corby, Crawley, Crewe, Cromer, Crosby,
Croydon, Cwmbran, Darlington, Dartford, Deal, Dewsbury, Dorchester, Dover, Droitwich, Dudley,
Dunstable, Eastbourne, Eastleigh, Ellesmere Port, Epsom, Evesham, Exmouth, Falmouth, Fareham,
Farnborough, Farnham, Felixstowe, Fleetwood, Folkestone, Frome, Gainsborough, Gateshead, Gillingham,
Glossop, Goole, Gosport, Grantham, Gravesend, Great Yarmouth, Grimsby, Guildford, Halesowen,
Halifax, Harlow, Harrogate, Hartlepool, Hastings, Hatfield, Haverfordwest, Hemel Hempstead,
Hereford, Hexham, High Wycombe, Hinckley, Hitchin, Holyhead, Horsham, Huddersfield, Huntingdon,
Hyde, Ilkeston, Ilkley, Ipswich, Keighley, Kendal, Kettering, Kidderminster, King's Lynn,
Kingston upon Thames, Kirkby, Kirklees, Knaresborough, Knowsley, Leamington Spa, Leatherhead, Leigh,
Leominster, Letchworth, Lewes, Llandudno, Llanelli, Loughborough, Louth, Lowestoft, Ludlow, Luton,
Macclesfield, Maidenhead, Maidstone, Maldon, Malton, Malvern, Mansfield, Margate, Market Harborough,
Matlock, Melton Mowbray, Merthyr Tydfil, Middlesbrough, Mirfield, Morecambe, Morley, Morpeth,
Neath, Nelson, Newark, Newbury, Newhaven, Newmarket, Newquay, Newton Abbot, Northallerton,
Northampton, Northwich, Nuneaton, Oldham, Ormskirk, Ossett, Otley, Penrith, Penzance, Pontefract,
Pontypool, Pontypridd, Poole, Port Talbot, Potters Bar, Prestatyn, Pudsey, Ramsgate, Rawtenstall,
Reading, Redcar, Redditch, Redhill, Reigate, Rhyl, Richmond, Rochdale, Rochester, Rotherham, Rugby,
Runcorn, Ryde, St Austell, St Helens, St Ives, Sale, Scarborough, Scunthorpe, Selby, Sevenoaks,
Shipley, Shrewsbury, Sittingbourne, Skegness, Skelmersdale, Skipton, Slough, Solihull, South Shields,
Southport, Spalding, Stafford, Staines, Stalybridge, Stevenage, Stockport, Stockton-on-Tees,
Stourbridge, Stratford-upon-Avon, Stroud, Sutton Coldfield, Swindon, Tamworth, Taunton, Telford,
Tewkesbury, Thetford, Thirsk, Tiverton, Todmorden, Tonbridge, Torquay, Trowbridge, Tunbridge Wells,
Wallasey, Walsall, Warminster, Warrington, Warwick, Washington, Watford, Wellingborough, Welwyn,
Welwyn Garden City, West Bromwich, Weston-super-Mare, Wetherby, Weymouth, Whitby, Whitehaven,
Widnes, Wigan, Wilmslow, Windsor, Winsford, Wisbech, Witham, Woking, Wokingham, Workington,
Worksop, Worthing, Yeovil, Keswick, Whitstable, Herne Bay, Hove, Sleaford, Stamford, Boston Spa,
Brixham, Paignton, Bodmin, Launceston, Holmfirth, Hebden Bridge, Sowerby Bridge, Elland,
Cleckheaton, Heckmondwike, Rothwell, Garforth, Guiseley, Yeadon, Horsforth, Armley, Harehills,
Chapeltown, Headingley, Holbeck, Beeston, Seacroft, Moss Side, Longsight, Rusholme, Wythenshawe,
Hulme, Ancoats, Cheetham Hill, Toxteth, Anfield, Everton, Kirkdale, Handsworth, Aston, Small Heath,
Sparkbrook, Erdington, Moseley, Digbeth, Hackney, Tottenham, Brixton, Peckham, Lewisham, Camden,
Islington, Lambeth, Southwark, Wandsworth, Ealing, Hounslow, Harrow, Brent, Barnet, Enfield,
Haringey, Newham, Stratford, Ilford, Romford, Bexley, Bromley, Sutton, Merton, Kingston, Hillingdon,
Greenwich, Woolwich, Barking, Dagenham, Walthamstow, Waltham Forest, Redbridge, Havering,
Hammersmith, Fulham, Kensington, Chelsea, Shoreditch, Whitechapel, Bethnal Green, Poplar, Bow,
Stepney, Canning Town, Catford, Deptford, Streatham, Clapham, Battersea, Tooting, Wembley,
Willesden, Kilburn, Edmonton, Holloway, Finsbury Park, Acton, Southall, Uxbridge, Hayes, Byker,
Benwell, Jesmond, Heaton, Walker, Kenton, Cowgate, Jarrow, Hebburn, Wallsend, Whitley Bay,
Tynemouth, Seaham, Peterlee, Stanley, Chester-le-Street, Spennymoor, Crook, Ashington, Cramlington,
Bedlington, Prudhoe, Gorton, Openshaw, Denton, Swinton, Eccles, Walkden, Prestwich, Middleton,
Heywood, Radcliffe, Failsworth, Chadderton, Royton, Shaw, Stretford, Urmston, Partington, Cheadle,
Hazel Grove, Marple, Bredbury, Withington, Didsbury, Chorlton, Levenshulme, Fallowfield, Ardwick,
Splott, Grangetown, Ely, Caerau, Llanrumney, Roath, Cathays, Canton, Butetown, Gorseinon, Morriston,
Sketty, Townhill, Penlan, Bargoed, Blackwood, Ystrad Mynach, Ebbw Vale, Abergavenny, Chepstow,
Monmouth, Brecon, Llandrindod Wells, Welshpool, Newtown, Machynlleth, Aberaeron, Cardigan,
Lampeter, Tenby, Pembroke, Milford Haven, Fishguard, Ammanford, Kidwelly, Colwyn Bay, Conwy,
Denbigh, Ruthin, Mold, Flint, Holywell, Shotton, Connah's Quay, Pwllheli, Porthmadog, Dolgellau,
Airdrie, Ayr, Coatbridge, Cumbernauld, Dumfries, Dunfermline, East Kilbride, Falkirk, Greenock,
Hamilton, Irvine, Kilmarnock, Kirkcaldy, Livingston, Motherwell, Paisley, Wishaw, Armagh, Ballymena,
Bangor, Coleraine, Craigavon, Enniskillen, Larne, Lisburn, Newry, Omagh, Portadown, Strabane
""".split(",") if s.strip())

COUNTIES: frozenset[str] = frozenset(s.strip() for s in """
Bedfordshire, Berkshire, Buckinghamshire, Cambridgeshire, Cheshire, Cornwall, Cumbria, Derbyshire,
Devon, Dorset, County Durham, East Sussex, Essex, Gloucestershire, Hampshire, Herefordshire,
Hertfordshire, Isle of Wight, Kent, Lancashire, Leicestershire, Lincolnshire, Merseyside, Norfolk,
North Yorkshire, Northamptonshire, Northumberland, Nottinghamshire, Oxfordshire, Rutland,
Shropshire, Somerset, South Yorkshire, Staffordshire, Suffolk, Surrey, Tyne and Wear, Warwickshire,
West Midlands, West Sussex, West Yorkshire, East Yorkshire, East Riding, Wiltshire, Worcestershire,
Greater Manchester, Greater London, Teesside, Tyneside, Wearside, Calderdale, Gwent, Powys,
Gwynedd, Anglesey, Pembrokeshire, Carmarthenshire, Ceredigion, Glamorgan, Vale of Glamorgan,
Clwyd, Dyfed, Fife, Lothian, Strathclyde, Lanarkshire, Ayrshire, Highlands, Antrim, Tyrone,
Fermanagh, Yorkshire, Cotswolds, Lake District, Peak District, Fylde, Wirral,
Barking and Dagenham, Barnet, Bexley, Brent, Bromley, Camden, Croydon, Ealing, Enfield, Greenwich,
Hackney, Hammersmith and Fulham, Haringey, Harrow, Havering, Hillingdon, Hounslow, Islington,
Kensington and Chelsea, Kingston upon Thames, Lambeth, Lewisham, Merton, Newham, Redbridge,
Richmond upon Thames, Southwark, Sutton, Tower Hamlets, Waltham Forest, Wandsworth, Westminster,
Highland, Moray, Aberdeenshire, Angus, Perth and Kinross, Argyll and Bute, Stirlingshire,
Clackmannanshire, Falkirk, West Lothian, East Lothian, Midlothian, Scottish Borders,
Dumfries and Galloway, Inverclyde, Renfrewshire, East Renfrewshire, West Dunbartonshire,
East Dunbartonshire, North Lanarkshire, South Lanarkshire, North Ayrshire, East Ayrshire,
South Ayrshire, Na h-Eileanan Siar, Western Isles, Orkney, Shetland, Ynys Mon, Conwy, Denbighshire,
Flintshire, Wrexham, Monmouthshire, Torfaen, Blaenau Gwent, Caerphilly, Rhondda Cynon Taf,
Merthyr Tydfil, Bridgend, Neath Port Talbot, Armagh, Down, Londonderry, Derry, Derry~Londonderry,
Mid Ulster, Causeway Coast and Glens, Newry, Mourne and Down, Lisburn and Castlereagh,
Ards and North Down, Antrim and Newtownabbey, Mid and East Antrim
""".split(",") if s.strip())

# Common first names in England and Wales across communities, for names nobody put on the form.
# Words that are usually not names in a debrief (April, May, Will, Hope, Rose...) are left out.
FIRST_NAMES_M: frozenset[str] = frozenset("""
Aaron Abdul Adam Adrian Ahmed Aidan Alan Alex Alexander Ali Alfie Amir Andrew Andy Anthony Arjun
Arthur Ashley Bailey Barry Ben Benjamin Bilal Billy Bradley Brandon Brian Callum Calum Carl Charlie
Chris Christopher Colin Connor Craig Damian Daniel Danny Darren Dave David Dean Declan Dennis Derek
Dominic Donovan Douglas Dylan Eddie Edward Elliot Ethan Faisal Finlay Frankie Fraser Gareth Gary
Gavin Geoff George Gerald Glen Gordon Graham Grant Gregory Hamza Harry Harvey Hassan Henry Ian Imran
Isaac Jack Jacob Jake James Jamie Jason Jay Jayden Jeffrey Jermaine Jerome Jim Jimmy Joe Joel John
Jonathan Jordan Joseph Josh Joshua Junaid Kai Karl Keith Kevin Kieran Kyle Lee Leon Lewis Liam Luke
Malcolm Marcus Mark Martin Mason Matthew Michael Mohammed Mohammad Muhammad Nathan Neil Nicholas
Nigel Noah Oliver Omar Oscar Owen Patrick Paul Peter Philip Rashid Ravi Reece Rhys Richard Rob Robert
Robbie Rory Ross Ryan Sam Samuel Scott Sean Shane Shaun Simon Stephen Steve Steven Stuart Tariq
Terry Thomas Tim Timothy Toby Tom Tommy Tony Tyler Tyrone Usman Wayne William Zain Zak Kwame Kofi
Emeka Chidi Tunde Dariusz Piotr Tomasz Marek Andrei Florin Ionut Mihai Declan Ciaran Padraig
Gurpreet Harjit Sanjay Rajesh Vikram Ibrahim Yusuf Abdi Mustafa Khalid Tariq Kamran Nadeem Shahid
""".split())
FIRST_NAMES_F: frozenset[str] = frozenset("""
Abigail Aisha Alice Alison Amanda Amber Amelia Amy Andrea Angela Anita Ann Anna Anne Asha Ayesha
Bethany Beverley Bridget Caitlin Carly Carol Caroline Catherine Charlotte Chelsea Chloe Claire Clare
Courtney Danielle Dawn Debbie Deborah Denise Diane Donna Eleanor Elizabeth Ellie Emily Emma Erin
Fatima Fiona Gemma Georgia Gillian Grace Hannah Harriet Hayley Heather Helen Holly Imogen Isabel
Isabella Jade Jane Janet Jasmine Jenna Jennifer Jenny Jessica Joanne Jodie Julie Karen Kate
Katherine Katie Kayleigh Kelly Kerry Kim Kirsty Laura Lauren Leah Lindsay Lisa Lorraine Louise Lucy
Lydia Lynn Mandy Maria Marie Megan Melanie Melissa Mia Michelle Molly Nadia Naomi Natalie Nicola
Nicole Nina Olivia Paige Pamela Patricia Priya Rachel Rebecca Samantha Sandra Sarah Shabana Sharon
Shazia Sian Sophie Stacey Stephanie Susan Tanya Tracey Tracy Vicky Victoria Wendy Yasmin Zara Zoe
Agnieszka Katarzyna Magdalena Ioana Amina Nasra Hodan Adaeze Chioma Funmi Simone Shanice Tasha
Keeley Kayla Niamh Siobhan Aoife Roisin Mairead Gurinder Harpreet Sunita Parveen Rukhsana Nasreen
""".split())
FIRST_NAMES: frozenset[str] = FIRST_NAMES_M | FIRST_NAMES_F

# Shops and chains: a named branch places an incident as precisely as a street does.
RETAIL: frozenset[str] = frozenset(s.strip() for s in """
Tesco, Tesco Express, Tesco Extra, Asda, Sainsbury's, Sainsburys, Morrisons, Aldi, Lidl, Co-op,
Iceland, Waitrose, Marks and Spencer, M&S, Boots, Superdrug, Primark, Greggs, McDonald's, McDonalds,
Burger King, KFC, Costa, Starbucks, Wetherspoons, Wetherspoon's, Poundland, B&M, Argos, Currys,
JD Sports, Sports Direct, Specsavers, Ladbrokes, William Hill, Coral, Betfred, Spar, Londis, Nisa,
Premier Stores, One Stop, Premier Inn, Travelodge, Holiday Inn, Pizza Hut, Domino's, Subway, Nando's
""".split(",") if s.strip())


def place_subtype(name: str) -> str:
    """'city', 'town' or 'county' for a bundled place name; '' when it is not in the lists."""
    if name in CITIES:
        return "city"
    if name in TOWNS:
        return "town"
    if name in COUNTIES:
        return "county"
    return ""


ALL_PLACES: frozenset[str] = CITIES | TOWNS | COUNTIES

# Place names that are also everyday words, surnames or first names: only taken as places after
# a word that points at a location ("in Sale", "from Barry"), never on their own.
AMBIGUOUS_PLACES: frozenset[str] = frozenset(s.strip() for s in """
Sale, Deal, Reading, Bury, Crook, Shaw, Hyde, Bow, Ely, Walker, Stanley, Nelson, Hamilton,
Washington, Boston, Barry, Leigh, Kingston, Sutton, Richmond, Hayes, Newtown, Flint, Mold, Neath,
Canton, Kenton, Heaton, Crosby, Denton, Middleton, Morley, Stratford, Chester, Lincoln, Wells,
Perth, Durham, Bangor, Harrow, Brent, Poole, Stafford, Warwick, Windsor, Kendal, Buxton, Louth,
Derby, Newport, Aston, Beeston, Everton, Chelsea, Fulham, Enfield, Barnet, Bromley, Kent, Devon,
Dorset, Essex, Surrey, Norfolk, Suffolk, Somerset, Cornwall, Rutland, Highlands, Sketty, Hull,
Grantham, Stamford, Hatfield, Hastings, Penrith, Tyrone, Antrim, Armagh, Dudley, Barking, Poplar,
Walsall, Wigan, Down, Angus, Moray, Merton, Highland, Derry, Camden, Conwy, Bridgend, Westminster
""".split(",") if s.strip())

# Car makes: the word after one is a model ("Seat Leon", "Kia Ceed"), not a person.
CAR_MAKES: frozenset[str] = frozenset("""
Ford Vauxhall Seat SEAT Audi BMW Toyota Nissan Kia Honda Peugeot Renault Citroen Citroën Skoda Mercedes
Volkswagen VW Fiat Hyundai Mazda Mini Volvo Suzuki Mitsubishi Jaguar Rover Tesla Dacia Alfa Lexus
Porsche Subaru Jeep Yamaha Kawasaki Piaggio Vespa Transit
""".split())
