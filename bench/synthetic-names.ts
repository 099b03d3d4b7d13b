/**
 * Name lists for the synthetic council. Every generated person is fictional: first names and
 * surnames are common ones, combined at random, so no generated person is anyone real.
 *
 * The groups roughly follow the make-up of an English urban council (ONS Census 2021,
 * ethnic group by local authority), so a caseload looks like one: mostly White British names,
 * with South Asian, Black African and Caribbean, Eastern European, Irish, Chinese, Turkish and
 * Arabic names in realistic proportions. Families mix groups too (see synthetic-council.ts).
 * The lists are kept packed (prettier-ignore): one word per line would make them unreadable.
 */

export interface NameGroup {
  /** Relative share of families whose names come from this group. */
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Languages other than English a family of this group may speak at home. */
  languages: readonly string[];
}

// prettier-ignore
export const nameGroups: readonly NameGroup[] = [
  {
    weight: 62,
    female: [
      'Olivia', 'Amelia', 'Isla', 'Ava', 'Ivy', 'Freya', 'Lily', 'Florence', 'Mia', 'Willow', 'Rosie', 'Sophia',
      'Isabella', 'Grace', 'Daisy', 'Sienna', 'Poppy', 'Evie', 'Elsie', 'Ruby', 'Ella', 'Evelyn', 'Phoebe', 'Harper',
      'Chloe', 'Emily', 'Jessica', 'Lucy', 'Charlotte', 'Hannah', 'Sarah', 'Rebecca', 'Laura', 'Gemma', 'Kelly',
      'Emma', 'Claire', 'Nicola', 'Lisa', 'Karen', 'Michelle', 'Joanne', 'Susan', 'Linda', 'Patricia', 'Margaret',
      'Janet', 'Carol', 'Jean', 'Christine', 'Sharon', 'Tracey', 'Donna', 'Leanne', 'Stacey', 'Jade', 'Amy', 'Megan',
    ],
    male: [
      'Noah', 'Oliver', 'George', 'Arthur', 'Leo', 'Harry', 'Oscar', 'Archie', 'Henry', 'Theodore', 'Freddie',
      'Jack', 'Charlie', 'Theo', 'Alfie', 'Jacob', 'Thomas', 'Finley', 'Arlo', 'William', 'Lucas', 'Roman', 'Tommy',
      'Isaac', 'Teddy', 'Joshua', 'Daniel', 'James', 'Ryan', 'Liam', 'Connor', 'Callum', 'Jordan', 'Lewis', 'Jamie',
      'Matthew', 'Christopher', 'Andrew', 'David', 'Mark', 'Paul', 'Richard', 'Stephen', 'Craig', 'Lee', 'Wayne',
      'Darren', 'Gary', 'Kevin', 'Steven', 'Peter', 'John', 'Michael', 'Robert', 'Keith', 'Brian', 'Alan', 'Colin',
    ],
    surnames: [
      'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
      'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes',
      'Edwards', 'Lewis', 'Harris', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King',
      'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price',
      'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins',
      'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis',
      'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason',
      'Ali', 'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight',
      'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Pearce',
    ],
    languages: ['Welsh'],
  },
  {
    weight: 5,
    female: ['Aoife', 'Siobhan', 'Niamh', 'Ciara', 'Roisin', 'Orla', 'Grainne', 'Saoirse', 'Caoimhe', 'Maeve', 'Eilidh'],
    male: ['Cian', 'Oisin', 'Padraig', 'Declan', 'Seamus', 'Ronan', 'Eoin', 'Fionn', 'Callum', 'Ruairi', 'Fergus'],
    surnames: [
      "O'Brien", "O'Connor", 'Murphy', 'Byrne', 'Walsh', 'Ryan', "O'Sullivan", 'Doyle', 'McCarthy', 'Gallagher',
      'MacDonald', 'Campbell', 'Stewart', 'Fraser', 'Reid', 'McLeod', 'Quinn', 'Kennedy', 'Brennan', 'Duffy',
    ],
    languages: ['Irish', 'Scottish Gaelic'],
  },
  {
    weight: 9,
    female: [
      'Aisha', 'Fatima', 'Zara', 'Maryam', 'Amira', 'Hafsa', 'Anaya', 'Priya', 'Simran', 'Harpreet', 'Nadia', 'Sana',
      'Ayesha', 'Jasmin', 'Nusrat', 'Rukhsana', 'Shabana', 'Parveen', 'Kiran', 'Manpreet', 'Anjali', 'Deepa',
    ],
    male: [
      'Muhammad', 'Ibrahim', 'Yusuf', 'Ayaan', 'Zayn', 'Hamza', 'Arjun', 'Rohan', 'Harjit', 'Gurpreet', 'Imran',
      'Bilal', 'Tariq', 'Asif', 'Rahul', 'Vikram', 'Sanjay', 'Amir', 'Rizwan', 'Shahid', 'Kamran', 'Jaspreet',
    ],
    surnames: [
      'Khan', 'Ali', 'Hussain', 'Ahmed', 'Begum', 'Akhtar', 'Rahman', 'Islam', 'Iqbal', 'Shah', 'Malik', 'Mahmood',
      'Patel', 'Singh', 'Kaur', 'Sharma', 'Gill', 'Sandhu', 'Mistry', 'Chowdhury', 'Uddin', 'Miah', 'Bibi', 'Sidhu',
    ],
    languages: ['Urdu', 'Punjabi', 'Bengali', 'Gujarati', 'Hindi', 'Sylheti'],
  },
  {
    weight: 8,
    female: [
      'Chiamaka', 'Adaeze', 'Folake', 'Ngozi', 'Amara', 'Abena', 'Ama', 'Hodan', 'Ayan', 'Fadumo', 'Kemi', 'Tanisha',
      'Shanice', 'Keisha', 'Aaliyah', 'Nia', 'Zainab', 'Blessing', 'Precious', 'Grace', 'Esther', 'Comfort',
    ],
    male: [
      'Chidi', 'Emeka', 'Oluwaseun', 'Tunde', 'Kwame', 'Kofi', 'Yaw', 'Abdi', 'Mohamed', 'Ahmed', 'Tyrone', 'Marcus',
      'Jermaine', 'Andre', 'Kai', 'Malachi', 'Elijah', 'Samuel', 'Daniel', 'Joseph', 'Emmanuel', 'Solomon',
    ],
    surnames: [
      'Okafor', 'Adeyemi', 'Okonkwo', 'Adebayo', 'Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Abdi', 'Farah',
      'Hassan', 'Warsame', 'Campbell', 'Francis', 'Grant', 'Henry', 'Clarke', 'Reid', 'Williams', 'Thomas', 'Brown',
      'Oyelaran', 'Nwosu', 'Eze', 'Balogun', 'Ogunleye', 'Appiah',
    ],
    languages: ['Yoruba', 'Igbo', 'Twi', 'Somali', 'Jamaican Patois', 'French'],
  },
  {
    weight: 7,
    female: [
      'Zuzanna', 'Julia', 'Maja', 'Zofia', 'Natalia', 'Agnieszka', 'Katarzyna', 'Ioana', 'Elena', 'Andreea', 'Daria',
      'Oksana', 'Viktoria', 'Ieva', 'Rasa', 'Milena',
    ],
    male: [
      'Jakub', 'Szymon', 'Filip', 'Kacper', 'Piotr', 'Tomasz', 'Andrei', 'Mihai', 'Ionut', 'Bogdan', 'Oleksandr',
      'Dmytro', 'Lukas', 'Mantas', 'Marek', 'Pavel',
    ],
    surnames: [
      'Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kaminski', 'Lewandowski', 'Zielinski', 'Popescu', 'Ionescu',
      'Dumitru', 'Stan', 'Kazlauskas', 'Petrauskas', 'Shevchenko', 'Kovalenko', 'Horvath', 'Novak', 'Dvorak',
    ],
    languages: ['Polish', 'Romanian', 'Lithuanian', 'Ukrainian', 'Slovak', 'Czech'],
  },
  {
    weight: 2,
    female: ['Mei', 'Xin', 'Ling', 'Yan', 'Hui', 'Jing', 'Anh', 'Linh', 'Thu'],
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Jian', 'Long', 'Minh', 'Duc', 'Tuan'],
    surnames: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Wong', 'Chan', 'Lam', 'Ng', 'Nguyen', 'Tran', 'Pham'],
    languages: ['Cantonese', 'Mandarin', 'Vietnamese'],
  },
  {
    weight: 4,
    female: ['Elif', 'Zeynep', 'Ayse', 'Emine', 'Layla', 'Noor', 'Yasmin', 'Rania', 'Huda', 'Dilan', 'Shirin', 'Leila'],
    male: ['Mehmet', 'Mustafa', 'Emre', 'Omar', 'Ali', 'Karim', 'Samir', 'Youssef', 'Hassan', 'Dara', 'Reza', 'Kerem'],
    surnames: [
      'Yilmaz', 'Kaya', 'Demir', 'Celik', 'Sahin', 'Aydin', 'Haddad', 'Mansour', 'Nasser', 'Saleh', 'Hosseini',
      'Karimi', 'Ahmadi', 'Rashid',
    ],
    languages: ['Turkish', 'Kurdish', 'Arabic', 'Farsi', 'Dari'],
  },
  {
    weight: 3,
    female: ['Ana', 'Beatriz', 'Maria', 'Ines', 'Lucia', 'Chiara', 'Giulia', 'Sofia', 'Eleni', 'Marta'],
    male: ['Joao', 'Pedro', 'Tiago', 'Diego', 'Pablo', 'Marco', 'Luca', 'Giorgos', 'Nikos', 'Rafael'],
    surnames: [
      'Silva', 'Santos', 'Ferreira', 'Pereira', 'Garcia', 'Martinez', 'Fernandez', 'Rossi', 'Russo', 'Esposito',
      'Papadopoulos', 'Georgiou',
    ],
    languages: ['Portuguese', 'Spanish', 'Italian', 'Greek'],
  },
];

/** Names for the gender-neutral and non-binary people in the network. */
// prettier-ignore
export const neutralFirstNames: readonly string[] = [
  'Alex', 'Sam', 'Charlie', 'Jordan', 'Riley', 'Robin', 'Jesse', 'Morgan', 'Ashley', 'Casey', 'Frankie', 'Rowan',
  'Sky', 'Eden', 'Jamie', 'Taylor',
];

// prettier-ignore
export const schoolNames: readonly string[] = [
  'Riverside', 'Northfield', 'St Mary’s', 'Oakwood', 'Hillcrest', 'Brookside', 'Meadowbank', 'Holy Trinity',
  'Greenway', 'Ashgrove', 'Westfield', 'Kingsmead', 'Larkrise', 'Elm Park', 'Highfields', 'Moorside', 'St Joseph’s',
  'Fernhill', 'Cedar', 'Willowbrook', 'Parkside', 'Castle View', 'Millbrook', 'Hazelwood',
];

// prettier-ignore
export const clubKinds: readonly string[] = [
  'Youth Football Club', 'Swimming Club', 'Boxing Gym', 'Dance Academy', 'Scouts', 'Girlguiding', 'Youth Club',
  'Cricket Club', 'Judo Club', 'Drama Group', 'Library Homework Club', 'Gymnastics Club', 'Chess Club', 'Choir',
  'Mosque Youth Group', 'Gurdwara Youth Group', 'Church Youth Group', 'Rugby Club', 'Breakfast Club', 'Cadets',
];

// prettier-ignore
export const onlineCommunities: readonly string[] = [
  'Minecraft server with school friends', 'Online gaming group', 'Art sharing group', 'Young carers online forum',
  'Football fan forum', 'Anime fan group',
];

// prettier-ignore
export const professionalRoles: readonly string[] = [
  'GP', 'Health visitor', 'School nurse', 'Class teacher', 'Designated safeguarding lead', 'Family support worker',
  'Youth worker', 'CAMHS practitioner', 'Paediatrician', 'Speech and language therapist', 'Educational psychologist',
  'SENCO', 'Police community support officer', 'Housing officer', 'Midwife', 'Early help worker',
  'Independent reviewing officer', 'Advocate', 'Dentist', 'Substance misuse worker',
];

// prettier-ignore
export const placeNames: readonly string[] = [
  'Northfield Surgery', 'Riverside Health Centre', 'the family centre on Mill Lane', 'Oakwood Children’s Centre',
  'the community hub', 'the hospital', 'the council housing office', 'the youth centre',
];
