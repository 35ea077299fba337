// People and products the generated messages talk about. Surnames and product brands are
// ordered most frequent first (Zipf); rare terms appear in a tiny share of messages.
export const frenchFirstNames = [
  'Jean', 'Marie', 'Pierre', 'Nathalie', 'Michel', 'Isabelle', 'Philippe', 'Sylvie', 'Alain', 'Catherine',
  'Nicolas', 'Sandrine', 'Christophe', 'Valérie', 'Stéphane', 'Christine', 'Laurent', 'Céline', 'Julien',
  'Aurélie', 'Sébastien', 'Émilie', 'Thomas', 'Camille', 'Antoine', 'Julie', 'Maxime', 'Léa', 'Hugo',
  'Chloé', 'Lucas', 'Manon', 'Louis', 'Inès', 'Gabriel', 'Sarah', 'Arthur', 'Jade', 'Raphaël', 'Louise',
  'Jérôme', 'Hélène', 'François', 'Brigitte', 'Frédéric', 'Martine', 'Olivier', 'Françoise', 'Patrick',
  'Monique', 'Éric', 'Agnès', 'Mathieu', 'Élodie', 'Yannick', 'Gaëlle', 'Benoît', 'Anaïs', 'Cédric', 'Océane',
];

export const englishFirstNames = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Susan', 'Richard', 'Jessica', 'Joseph', 'Sarah', 'Thomas', 'Karen', 'Oliver', 'Emma',
  'Harry', 'Olivia', 'George', 'Amelia', 'Jack', 'Isla', 'Charlie', 'Ava', 'Noah', 'Grace',
];

export const surnames = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier',
  'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean', 'Perez', 'Marchand', 'Dufour',
  'Blanchard', 'Marie', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin', 'Fernandez',
  'Pierre', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal', 'Bourgeois',
  'Renaud', 'Lemoine', 'Picard', 'Gaillard', 'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', 'Olivier',
  'Rodriguez', 'Da Silva', 'Hubert', 'Louis', 'Charles', 'Guillot', 'Rivière', 'Le Gall', 'Guillaume',
  'Adam', 'Rey', 'Moulin', 'Gonzalez', 'Berger', 'Lecomte', 'Menard', 'Fleury', 'Deschamps', 'Carpentier',
  'Julien', 'Benoît', 'Paris', 'Maillard', 'Marchal', 'Aubry', 'Vasseur', 'Le Roux', 'Renault', 'Jacquet',
  'Collet', 'Prévost', 'Poirier', 'Charpentier', 'Royer', 'Huet', 'Baron', 'Dupuy', 'Pons', 'Paul',
  'Laine', 'Carré', 'Breton', 'Rémy', 'Schneider', 'Perrot', 'Guyot', 'Barre', 'Marty', 'Cousin',
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Johnson', 'Walker',
  'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris',
  'Kerouac', 'Quéméneur', 'Ballester', 'Abgrall', 'Delacroix-Vautrin', 'Ottaviani', 'Zimmermann', 'Hoarau',
  'Payet', 'Grondin', 'Techer', 'Ramassamy', 'Tran', 'Pham', 'Haddad', 'Benali', 'Mansouri', 'Diallo',
  'Traoré', 'Kowalski', 'Novak', 'Ferreira', 'Pereira', 'Costa', 'Santos', 'Oliveira', 'Rossi', 'Bianchi',
];

export const frenchProducts = [
  'lave-linge', 'réfrigérateur', 'lave-vaisselle', 'four', 'téléviseur', 'aspirateur', 'ordinateur portable',
  'smartphone', 'tablette', 'micro-ondes', 'cafetière', 'sèche-linge', 'congélateur', 'plaque induction',
  'hotte', 'imprimante', 'casque audio', 'enceinte', 'console', 'montre connectée', 'robot cuiseur',
  'canapé', 'matelas', 'vélo électrique', 'trottinette', 'perceuse', 'tondeuse', 'climatiseur', 'radiateur',
  'chaudière', 'ballon d’eau chaude', 'friteuse', 'bouilloire', 'grille-pain', 'mixeur', 'fer à repasser',
  'sèche-cheveux', 'appareil photo', 'box internet', 'chaussures de randonnée',
];

export const englishProducts = [
  'washing machine', 'fridge', 'dishwasher', 'oven', 'television', 'vacuum cleaner', 'laptop', 'smartphone',
  'tablet', 'microwave', 'coffee machine', 'tumble dryer', 'freezer', 'induction hob', 'cooker hood',
  'printer', 'headphones', 'speaker', 'games console', 'smartwatch', 'sofa', 'mattress', 'electric bike',
  'scooter', 'drill', 'lawnmower', 'air conditioner', 'heater', 'boiler', 'kettle',
];

/** Product brands, most common first; the tail ones are rare search terms. */
export const productBrands = [
  'Samsung', 'Bosch', 'LG', 'Whirlpool', 'Philips', 'Apple', 'Siemens', 'Beko', 'Electrolux', 'Candy',
  'Indesit', 'Hotpoint', 'Sony', 'Dyson', 'Rowenta', 'Moulinex', 'Seb', 'Tefal', 'Miele', 'Brandt',
  'Haier', 'Hisense', 'Xiaomi', 'Lenovo', 'HP', 'Dell', 'Asus', 'Acer', 'Canon', 'Epson', 'Nikon',
  'Panasonic', 'Sharp', 'Toshiba', 'Thomson', 'Sauter', 'De Dietrich', 'Rosières', 'Vedette', 'Faure',
  'Smeg', 'Liebherr', 'Gorenje', 'Grundig', 'Sharp', 'Krups', 'Nespresso', 'DeLonghi', 'Magimix', 'KitchenAid',
  'Kenwood', 'Russell Hobbs', 'Calor', 'Babyliss', 'Remington', 'Braun', 'Oral-B', 'Karcher', 'Makita',
  'Black+Decker', 'Ryobi', 'Stihl', 'Husqvarna', 'Gardena', 'Weber', 'Tefal', 'Lagostina', 'Le Creuset',
  'Staub', 'Cristel', 'Sonos', 'Bose', 'JBL', 'Marshall', 'Devialet', 'Garmin', 'Fitbit', 'Withings',
  'Polar', 'Suunto', 'Decathlon', 'Btwin', 'Moustache', 'Lapierre', 'Gitane', 'Peugeot', 'Xiaomi Mi',
  'Ninebot', 'Dualtron', 'Bultex', 'Simmons', 'Tempur', 'Emma', 'Tediber', 'Roche Bobois', 'Cinna',
  'Ligne Roset', 'Gautier', 'Parisot', 'Atlantic', 'Thermor', 'Saunier Duval', 'Frisquet', 'Chappée',
  'Daikin', 'Mitsubishi', 'Fujitsu', 'Airton', 'Noirot', 'Campa', 'Acova', 'Finimetal', 'Lacanche', 'Godin',
];

/** Technical words that show up in very few messages: the rare search terms. */
export const rareWords = [
  'électrovanne', 'pressostat', 'triac', 'magnétron', 'condensateur', 'roulement', 'croisillon', 'charbon',
  'hublot', 'aquastop', 'carte-mère', 'dalle', 'rétroéclairage', 'firmware', 'nappe', 'connecteur',
  'varistance', 'sonde', 'évaporateur', 'dégivrage', 'vanne', 'siphon', 'durite', 'collier', 'agrafe',
  'gâche', 'serrure', 'loqueteau', 'charnière', 'vérin', 'piston', 'soufflet', 'balai', 'turbine',
  'hélice', 'ventilateur', 'fusible', 'disjoncteur', 'différentiel', 'transformateur', 'inductance',
  'quartz', 'oscillateur', 'microcontrôleur', 'potentiomètre', 'encodeur', 'relais-statique', 'optocoupleur',
  'solénoïde', 'électroaimant', 'thermocouple', 'thermistance', 'bilame', 'minuterie', 'programmateur',
  'tachymètre', 'capteur', 'actionneur', 'servomoteur', 'manchon', 'bague', 'entretoise', 'rondelle',
  'goupille', 'circlip', 'clavette', 'ressort', 'amortisseur', 'contrepoids', 'béton', 'crémaillère',
  'pignon', 'engrenage', 'réducteur', 'cardan', 'rotule', 'silentbloc', 'joint-torique', 'membrane',
  'diaphragme', 'clapet', 'flotteur', 'raccord', 'mamelon', 'réduction', 'coude', 'té', 'manomètre',
  'débitmètre', 'hygrostat', 'anémomètre', 'luxmètre', 'sonomètre', 'wattmètre', 'ohmmètre', 'voltmètre',
  'ampèremètre', 'oscilloscope',
];
